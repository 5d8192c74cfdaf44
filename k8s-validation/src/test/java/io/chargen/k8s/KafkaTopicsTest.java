package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Strimzi KafkaTopic resources are exactly the topic catalogue {@link Topics}. */
class KafkaTopicsTest {

  /** @return topic name → KafkaTopic, keyed by spec.topicName (or metadata.name when unset) */
  static Map<String, GenericKubernetesResource> topicsByName(Manifests manifests) {
    return manifests.custom("KafkaTopic").stream()
        .collect(Collectors.toMap(KafkaTopicsTest::topicName, Function.identity()));
  }

  static String topicName(GenericKubernetesResource topic) {
    Object name = topic.get("spec", "topicName");
    return name != null ? name.toString() : topic.getMetadata().getName();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Every topic in Topics has a KafkaTopic and every KafkaTopic is in Topics")
  void topicsAreTheCatalogue(String overlay) {
    assertThat(topicsByName(Kustomize.render(overlay)).keySet()).as("[%s] KafkaTopic names", overlay)
        .containsExactlyInAnyOrderElementsOf(Topics.names());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Each KafkaTopic has the catalogue's partitions, cleanup policy and retention")
  void topicsHaveTheCataloguesSettings(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    Map<String, GenericKubernetesResource> topics = topicsByName(manifests);
    List<Topics> catalogue = Arrays.asList(Topics.values());
    for (Topics expected : catalogue) {
      GenericKubernetesResource topic = topics.get(expected.topic());
      assertThat(topic).as("[%s] KafkaTopic %s", overlay, expected.topic()).isNotNull();
      assertThat(topic.getMetadata().getLabels()).as("[%s] cluster of %s", overlay, expected.topic())
          .containsEntry("strimzi.io/cluster", "chargen-kafka");
      assertThat(((Number) topic.get("spec", "partitions")).intValue())
          .as("[%s] partitions of %s", overlay, expected.topic()).isEqualTo(expected.partitions());
      assertThat(topic.<Object>get("spec", "config", "cleanup.policy"))
          .as("[%s] cleanup.policy of %s", overlay, expected.topic())
          .hasToString(expected.compacted() ? "compact" : "delete");
      assertThat(((Number) topic.get("spec", "config", "retention.ms")).longValue())
          .as("[%s] retention.ms of %s", overlay, expected.topic()).isEqualTo(expected.retentionMs());
    }
  }
}
