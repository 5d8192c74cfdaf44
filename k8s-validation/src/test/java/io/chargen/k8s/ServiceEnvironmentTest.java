package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The manifests set only variables the services read, and every variable a pod in a cluster must set. */
class ServiceEnvironmentTest {
  /** Kafka security settings every pod passes (SCRAM-SHA-512 over TLS to Strimzi); service-support reads them. */
  static final Set<String> KAFKA_SECURITY = Set.of(
      "CHARGEN_KAFKA_SECURITY_PROTOCOL",
      "CHARGEN_KAFKA_SASL_MECHANISM",
      "CHARGEN_KAFKA_SASL_JAAS_CONFIG",
      "CHARGEN_KAFKA_SSL_TRUSTSTORE_TYPE",
      "CHARGEN_KAFKA_SSL_TRUSTSTORE_LOCATION");
  /** Always required in a pod: the default, localhost:9092, is wrong there. */
  private static final String BOOTSTRAP = "CHARGEN_KAFKA_BOOTSTRAP";
  /**
   * Required when the service reads them: the port ties to containerPort and probes, the model to the image's
   * layout, the group id to the ACLs and KEDA; pinned rather than left to a default that could change.
   */
  private static final Set<String> PINNED = Set.of(ServiceCode.HTTP_PORT, "CHARGEN_MODEL", "CHARGEN_GROUP_ID");

  static Stream<Arguments> overlayAndService() {
    return ServiceDeploymentsTest.overlayAndService();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("Every CHARGEN_ variable in a pod's environment is one the service's code reads")
  void everyVariableSetIsRead(String overlay, String service) {
    ServiceCode code = ServiceDeploymentsTest.codeOf(service);
    Map<String, String> env = Kustomize.render(overlay).environment(service);
    Set<String> unknown = new TreeSet<>(env.keySet());
    unknown.removeAll(code.variablesRead());
    assertThat(unknown).as("[%s] variables set for %s that %s-service never reads (read: %s)", overlay, service,
        service, code.variablesRead()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("Every variable a pod needs is set: the bootstrap servers, and the port, model and group it reads")
  void everyRequiredVariableIsSet(String overlay, String service) {
    ServiceCode code = ServiceDeploymentsTest.codeOf(service);
    Manifests manifests = Kustomize.render(overlay);
    Map<String, String> env = manifests.environment(service);
    Set<String> required = new TreeSet<>(PINNED);
    required.retainAll(code.ownVariables());
    required.add(BOOTSTRAP);
    assertThat(env).as("[%s] environment of %s", overlay, service).containsKeys(required.toArray(String[]::new));
    if (env.containsKey(ServiceCode.HTTP_PORT)) {
      assertThat(env.get(ServiceCode.HTTP_PORT)).as("[%s] %s of %s", overlay, ServiceCode.HTTP_PORT, service)
          .isEqualTo(String.valueOf(manifests.httpPort(service)));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlayAndService")
  @DisplayName("Every pod passes the Kafka security settings, and the service's code reads each of them")
  void kafkaSecurityIsPassedAndRead(String overlay, String service) {
    ServiceCode code = ServiceDeploymentsTest.codeOf(service);
    assertThat(code.variablesRead()).as("%s-service reads the Kafka security variables", service)
        .containsAll(KAFKA_SECURITY);
    assertThat(Kustomize.render(overlay).environment(service)).as("[%s] environment of %s", overlay, service)
        .containsKeys(KAFKA_SECURITY.toArray(String[]::new));
  }
}
