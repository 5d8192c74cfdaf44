package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images are immutable where it matters: production pins each by digest; any reference by tag (tags can be pushed
 * again) is pulled {@code Always}, so a node never runs a stale image it cached under the same tag.
 */
class ImageReferenceTest {
  private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("A container whose image is not pinned by digest pulls Always")
  void mutableTagsPullAlways(String overlay) {
    for (Deployment d : Kustomize.render(overlay).all(Deployment.class)) {
      for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
        if (!DIGEST.matcher(c.getImage()).matches()) {
          assertThat(c.getImagePullPolicy()).as("[%s] pull policy of %s (%s: a tag, which can move)", overlay,
              c.getName(), c.getImage()).isEqualTo("Always");
        }
      }
    }
  }

  @Test
  @DisplayName("Production pins every service image by digest")
  void productionPinsDigests() {
    for (Deployment d : Kustomize.render("prod").all(Deployment.class)) {
      for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
        assertThat(c.getImage()).as("[prod] image of %s", c.getName()).matches(DIGEST);
      }
    }
  }
}
