package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one parameterised Dockerfile builds what the manifests expect: each module's jar and the base model. */
class ImageTest {
  private static final String DOCKERFILE = "k8s/image/Dockerfile";

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("io.chargen.k8s.ServiceDeploymentsTest#overlayAndService")
  @DisplayName("The image holds the module's shaded jar and the model at the path CHARGEN_MODEL points to")
  void imageMatchesModuleAndConfig(String overlay, String service) {
    ServiceCode code = ServiceDeploymentsTest.codeOf(service);
    String dockerfile = Repository.read(Repository.root().resolve(DOCKERFILE));
    assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "COPY ${SERVICE}/target/${SERVICE}.jar",
        "-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError", "USER 10001",
        "\"--add-modules\", \"jdk.incubator.vector\"");
    assertThat(code.jarName()).as("shaded jar name of %s-service (the Dockerfile copies <module>.jar)", service)
        .contains(service + "-service");
    assertThat(Kustomize.render(overlay).container(service).getImage()).as("[%s] image of %s", overlay, service)
        .contains("/" + service + "-service:");
    Map<String, String> env = Kustomize.render(overlay).environment(service);
    if (env.containsKey("CHARGEN_MODEL")) {
      assertThat(dockerfile).as("the Dockerfile copies the model to CHARGEN_MODEL of %s", service)
          .contains("COPY models/base.cgm " + env.get("CHARGEN_MODEL"));
    }
  }
}
