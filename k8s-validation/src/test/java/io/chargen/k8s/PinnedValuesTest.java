package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value the manifests pin for a service equals the default in the service's code, or is a deliberate override
 * listed with its reason in k8s/README.md. This is what would have caught {@code CHARGEN_CLASSIFIER=dtw_1nn} (83 %)
 * pinned in the cluster while the code and the README defaulted to {@code best} (97 %).
 */
class PinnedValuesTest {

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("io.chargen.k8s.ServiceDeploymentsTest#overlayAndService")
  @DisplayName("Each pinned value is the code's default or a documented override with exactly that value")
  void pinnedValuesAreDefaultsOrDocumented(String overlay, String service) {
    Map<String, String> defaults = ServiceDefaults.of(service);
    Map<String, String> documented = DocumentedOverrides.read();
    List<String> problems = new ArrayList<>();
    Kustomize.render(overlay).environment(service).forEach((variable, value) -> {
      String pinned = value == null ? DocumentedOverrides.FROM_SECRET : value;
      if (!defaults.containsKey(variable)) {
        problems.add(variable + " is set but " + service + "-service never reads it");
      } else if (!pinned.equals(defaults.get(variable)) && !pinned.equals(documented.get(variable))) {
        problems.add(variable + "=" + pinned + " differs from the code's default '" + defaults.get(variable) + "'"
            + (documented.containsKey(variable) ? " and from the documented override '" + documented.get(variable)
            + "'" : " and is not listed under '" + DocumentedOverrides.HEADING + "' in k8s/README.md"));
      }
    });
    assertThat(problems).as("[%s] environment of %s", overlay, service).isEmpty();
  }

  @Test
  @DisplayName("Every documented override is still one: some pod sets exactly that value, and it is not the default")
  void documentedOverridesAreCurrent() {
    Set<String> stale = new TreeSet<>(DocumentedOverrides.read().keySet());
    for (String overlay : Repository.overlays().toList()) {
      for (String service : ServiceDeploymentsTest.SERVICES) {
        Map<String, String> defaults = ServiceDefaults.of(service);
        Kustomize.render(overlay).environment(service).forEach((variable, value) -> {
          String pinned = value == null ? DocumentedOverrides.FROM_SECRET : value;
          if (pinned.equals(DocumentedOverrides.read().get(variable)) && !pinned.equals(defaults.get(variable))) {
            stale.remove(variable);
          }
        });
      }
    }
    assertThat(stale).as("overrides listed in k8s/README.md that no manifest makes (remove them)").isEmpty();
  }

  @Test
  @DisplayName("The classifier runs the code's default method: the manifests leave CHARGEN_CLASSIFIER to the code")
  void classifierMethodIsTheDefault() {
    assertThat(ServiceDefaults.of("classifier")).containsEntry("CHARGEN_CLASSIFIER", "best");
    for (String overlay : Repository.overlays().toList()) {
      String pinned = Kustomize.render(overlay).environment("classifier").get("CHARGEN_CLASSIFIER");
      assertThat(pinned).as("[%s] CHARGEN_CLASSIFIER", overlay).isIn(null, "best");
    }
  }
}
