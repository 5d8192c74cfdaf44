package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Strimzi resources use the API current Strimzi serves ({@code kafka.strimzi.io/v1}: 0.49 added it, 1.0 serves
 * nothing else), no annotation Strimzi ignores, and export the metrics the alerts need.
 */
class KafkaClusterTest {
  private static final String STRIMZI_GROUP = "kafka.strimzi.io/";
  private static final String STRIMZI_API = STRIMZI_GROUP + "v1";
  /** Annotations that switched on KRaft and node pools before Strimzi 0.46; ignored since (and noise in v1). */
  private static final List<String> OBSOLETE_ANNOTATIONS = List.of("strimzi.io/kraft", "strimzi.io/node-pools");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Every Strimzi resource is kafka.strimzi.io/v1 and carries none of the ignored KRaft annotations")
  void strimziResourcesUseV1(String overlay) {
    List<HasMetadata> strimzi = Kustomize.render(overlay).resources().stream()
        .filter(r -> r.getApiVersion().startsWith(STRIMZI_GROUP)).toList();
    assertThat(strimzi).as("[%s] Strimzi resources", overlay).isNotEmpty();
    for (HasMetadata r : strimzi) {
      String what = r.getKind() + " " + r.getMetadata().getName();
      assertThat(r.getApiVersion()).as("[%s] apiVersion of %s", overlay, what).isEqualTo(STRIMZI_API);
      Map<String, String> annotations = r.getMetadata().getAnnotations();
      if (annotations != null) {
        assertThat(annotations).as("[%s] annotations of %s", overlay, what).doesNotContainKeys(
            OBSOLETE_ANNOTATIONS.toArray(String[]::new));
      }
    }
    assertThat(Kustomize.render(overlay).custom("KafkaNodePool")).as("[%s] KRaft node pools", overlay).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Kafka exports JMX metrics from a ConfigMap key that exists, and the exporter covers every topic and group")
  void kafkaExportsMetrics(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    GenericKubernetesResource kafka = manifests.custom("Kafka").get(0);
    assertThat(kafka.<Object>get("spec", "kafka", "metricsConfig", "type")).as("[%s] metricsConfig", overlay)
        .isEqualTo("jmxPrometheusExporter");
    String map = kafka.get("spec", "kafka", "metricsConfig", "valueFrom", "configMapKeyRef", "name");
    String key = kafka.get("spec", "kafka", "metricsConfig", "valueFrom", "configMapKeyRef", "key");
    assertThat(manifests.configMap(map).getData()).as("[%s] ConfigMap %s", overlay, map).containsKey(key);
    assertThat(manifests.configMap(map).getData().get(key)).contains("rules:");
    Pattern topics = Pattern.compile(kafka.get("spec", "kafkaExporter", "topicRegex"));
    Pattern groups = Pattern.compile(kafka.get("spec", "kafkaExporter", "groupRegex"));
    assertThat(Topics.names()).as("[%s] topics the Kafka Exporter reports", overlay)
        .allMatch(t -> topics.matcher(t).matches());
    List<String> consumerGroups = ServiceDeploymentsTest.SERVICES.stream()
        .map(s -> ServiceDefaults.of(s).get("CHARGEN_GROUP_ID")).filter(java.util.Objects::nonNull).toList();
    assertThat(consumerGroups).as("consumer groups the services default to").isNotEmpty();
    assertThat(consumerGroups).as("[%s] groups the Kafka Exporter reports", overlay)
        .allMatch(g -> groups.matcher(g).matches());
  }
}
