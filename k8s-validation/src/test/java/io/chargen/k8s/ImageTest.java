package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The images the manifests run are what the Maven build makes: one Jib image per service module, from a base pinned
 * by digest, reproducible, run as the manifests' user, with the model where CHARGEN_MODEL points and a CycloneDX
 * SBOM of exactly the runtime libraries, which hold neither the Kafka broker nor test libraries. Offline: the
 * configuration and the SBOM are checked here; {@code jib:build} pushes where a registry is reachable.
 */
class ImageTest {
  private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
  /** Libraries that must never be in a service image: the broker (and Scala), the test fixture, test libraries. */
  private static final List<String> FORBIDDEN = List.of("kafka_2.13", "kafka-server", "kafka-metadata",
      "kafka-storage", "kafka-raft", "scala-library", "kafka-fixture", "junit", "assertj", "testcontainers",
      "deeplearning4j", "nd4j", "selenium");
  /** Libraries a service cannot run without: proof that the SBOM lists the runtime class path at all. */
  private static final List<String> REQUIRED = List.of("vertx-core", "kafka-clients", "model", "service-support");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.ServiceDeploymentsTest#serviceNames")
  @DisplayName("Each service module builds its image with Jib: its main class and port, the shared pinned base")
  void jibImagePerService(String service) throws IOException {
    ImageBuild build = ImageBuild.of(service);
    assertThat(build.moduleUses(ImageBuild.JIB)).as("%s-service declares the Jib plugin", service).isTrue();
    String main = build.jib("container/mainClass").orElseThrow(() -> new AssertionError(service + ": no mainClass"));
    Path source = Repository.root().resolve(service + "-service/src/main/java/" + main.replace('.', '/') + ".java");
    assertThat(source).as("main class of %s", service).exists();
    assertThat(Files.readString(source)).contains("public static void main(String[] args)");
    assertThat(build.jib("container/ports/port")).as("exposed port of %s", service)
        .contains(ServiceDefaults.of(service).get(ServiceCode.HTTP_PORT));
    assertThat(build.property("image.base")).as("the base image").matches(DIGEST);
    assertThat(build.jib("from/image")).contains("${image.base}");
    assertThat(build.jib("to/image")).contains("${image.registry}/${project.artifactId}:${project.version}");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("io.chargen.k8s.ServiceDeploymentsTest#overlayAndService")
  @DisplayName("The image runs as the pod's user, reproducibly, with the heap sized from the pod and the model at CHARGEN_MODEL")
  void imageMatchesTheManifests(String overlay, String service) {
    ImageBuild build = ImageBuild.of(service);
    Manifests manifests = Kustomize.render(overlay);
    assertThat(manifests.container(service).getImage()).as("[%s] image of %s", overlay, service)
        .containsPattern("/" + service + "-service[:@]");
    PodSecurityContext pod = manifests.requireDeployment(service).getSpec().getTemplate().getSpec()
        .getSecurityContext();
    assertThat(build.jib("container/user")).as("image user of %s vs the pod's", service)
        .contains(pod.getRunAsUser() + ":" + pod.getRunAsGroup());
    assertThat(build.jib("container/creationTime")).as("reproducible image creation time").contains("EPOCH");
    assertThat(build.property("project.build.outputTimestamp")).as("fixed jar entry times (reproducible jars)")
        .matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    assertThat(build.managed(ImageBuild.CYCLONEDX, "includeBomSerialNumber")).as("no random SBOM serial number")
        .contains("false");
    assertThat(build.jib("container/filesModificationTime")).as("reproducible file times")
        .contains("EPOCH_PLUS_SECOND");
    assertThat(build.jibList("container/jvmFlags/jvmFlag")).anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage="))
        .contains("-XX:+ExitOnOutOfMemoryError", "--add-modules=${vector.module}");
    assertThat(build.property("vector.module")).as("the fast kernel's Vector API module (issue 14)")
        .isEqualTo("jdk.incubator.vector");
    String model = manifests.environment(service).get("CHARGEN_MODEL");
    if (model != null) {
      List<String> into = build.jibList("extraDirectories/paths/path/into");
      List<String> from = build.jibList("extraDirectories/paths/path/from");
      int i = into.indexOf(Path.of(model).getParent().toString());
      assertThat(i).as("an extra directory of %s's image goes to %s", service, Path.of(model).getParent())
          .isNotNegative();
      Path shipped = Repository.root().resolve(from.get(i).replace("${maven.multiModuleProjectDirectory}/", ""))
          .resolve(Path.of(model).getFileName());
      assertThat(shipped).as("the model the image copies to %s", model).exists();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.ServiceDeploymentsTest#serviceNames")
  @DisplayName("Each image carries a CycloneDX SBOM of its runtime libraries: no broker, no test library")
  void sbomOfRuntimeLibraries(String service) throws IOException {
    ImageBuild build = ImageBuild.of(service);
    assertThat(build.moduleUses(ImageBuild.CYCLONEDX)).as("%s-service makes an SBOM", service).isTrue();
    assertThat(build.managed(ImageBuild.CYCLONEDX, "includeTestScope")).contains("false");
    assertThat(build.jibList("extraDirectories/paths/path/from")).as("the SBOM goes into the image")
        .contains("${project.build.directory}/sbom");
    Path sbom = Repository.root().resolve(service + "-service/target/sbom/" + service + "-service.cdx.json");
    assertThat(sbom).as("SBOM of %s (made by `./mvnw package -pl %s-service -am`)", service, service).exists();
    Map<?, ?> bom = new KubernetesSerialization().unmarshal(Files.readString(sbom), Map.class);
    assertThat(bom.get("bomFormat")).isEqualTo("CycloneDX");
    List<String> names = new ArrayList<>();
    ((List<?>) bom.get("components")).forEach(c -> names.add(String.valueOf(((Map<?, ?>) c).get("name"))));
    assertThat(names).as("runtime libraries of %s", service).containsAll(REQUIRED);
    assertThat(names).as("runtime libraries of %s", service)
        .noneMatch(n -> FORBIDDEN.stream().anyMatch(n::startsWith));
  }

}
