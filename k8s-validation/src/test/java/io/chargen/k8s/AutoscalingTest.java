package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KEDA scales classifier and generator on consumer lag (with CPU), never past the partitions they consume. */
class AutoscalingTest {
  /** The autoscaled services and the topic whose lag drives each. */
  private static final Map<String, Topics> SCALED = Map.of(
      "classifier", Topics.QUERIES,
      "generator", Topics.GENERATION_REQUESTS);

  private static GenericKubernetesResource scaledObject(Manifests manifests, String target) {
    return manifests.custom("ScaledObject").stream()
        .filter(so -> target.equals(so.get("spec", "scaleTargetRef", "name"))).findFirst()
        .orElseThrow(() -> new AssertionError("[" + manifests.overlay() + "] no ScaledObject targets " + target));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Each autoscaled service scales on its group's lag and on CPU, up to its topic's partitions")
  void scaledObjectsFollowLagWithinPartitions(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    assertThat(manifests.custom("ScaledObject")).as("[%s] ScaledObjects", overlay).hasSize(SCALED.size());
    for (Map.Entry<String, Topics> scaled : SCALED.entrySet()) {
      String service = scaled.getKey();
      GenericKubernetesResource so = scaledObject(manifests, service);
      int max = ((Number) so.get("spec", "maxReplicaCount")).intValue();
      int min = ((Number) so.get("spec", "minReplicaCount")).intValue();
      List<Map<String, Object>> triggers = so.get("spec", "triggers");
      Map<String, Object> kafka = trigger(triggers, "kafka");
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) kafka.get("metadata");
      String topic = metadata.get("topic").toString();
      assertThat(topic).as("[%s] lag topic of %s", overlay, service).isEqualTo(scaled.getValue().topic());
      int partitions = byName(topic).partitions();
      assertThat(max).as("[%s] maxReplicaCount of %s vs partitions of %s", overlay, service, topic)
          .isBetween(min, partitions);
      assertThat(metadata.get("consumerGroup")).as("[%s] consumerGroup of %s", overlay, service)
          .isEqualTo(manifests.environment(service).get("CHARGEN_GROUP_ID"));
      assertThat(metadata.get("bootstrapServers")).as("[%s] bootstrapServers of %s", overlay, service)
          .isEqualTo(manifests.environment(service).get("CHARGEN_KAFKA_BOOTSTRAP"));
      assertThat(Integer.parseInt(metadata.get("lagThreshold").toString())).isPositive();
      assertThat(metadata.get("version")).as("[%s] Kafka protocol version of %s's lag trigger (unset: 1.0.0, "
          + "which Kafka 4 refuses)", overlay, service).isNotNull();
      assertThat(protocolAtLeast(metadata.get("version").toString(), MIN_PROTOCOL_MAJOR, MIN_PROTOCOL_MINOR))
          .as("[%s] version %s of %s's lag trigger is at least 2.1 (KIP-896)", overlay, metadata.get("version"),
              service).isTrue();
      assertThat(trigger(triggers, "cpu")).as("[%s] CPU trigger of %s", overlay, service).isNotNull();
      Deployment deployment = manifests.requireDeployment(service);
      assertThat(deployment.getSpec().getReplicas()).as("[%s] replicas of %s are left to KEDA", overlay, service)
          .isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("No separate HPA targets a Deployment KEDA scales, and the learner is never autoscaled")
  void onlyKedaScales(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    assertThat(manifests.all(HorizontalPodAutoscaler.class)).as("[%s] HPAs", overlay)
        .noneMatch(hpa -> SCALED.containsKey(hpa.getSpec().getScaleTargetRef().getName()));
    assertThat(manifests.custom("ScaledObject")).as("[%s] ScaledObjects", overlay)
        .noneMatch(so -> "learner".equals(so.get("spec", "scaleTargetRef", "name")));
    Deployment learner = manifests.requireDeployment("learner");
    assertThat(learner.getSpec().getReplicas()).as("[%s] learner replicas vs partitions of %s", overlay,
        Topics.EXAMPLES.topic()).isBetween(1, Topics.EXAMPLES.partitions());
    if (learner.getSpec().getReplicas() == 1) {
      assertThat(learner.getSpec().getStrategy().getType()).as("[%s] a single learner is replaced, not surged",
          overlay).isEqualTo("Recreate");
    }
  }

  /** Kafka 4 serves no request older than Kafka 2.1's (KIP-896). */
  private static final int MIN_PROTOCOL_MAJOR = 2;
  private static final int MIN_PROTOCOL_MINOR = 1;

  private static boolean protocolAtLeast(String version, int major, int minor) {
    String[] parts = version.split("\\.");
    int ma = Integer.parseInt(parts[0]);
    int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return ma > major || ma == major && mi >= minor;
  }

  private static Map<String, Object> trigger(List<Map<String, Object>> triggers, String type) {
    return triggers.stream().filter(t -> type.equals(t.get("type"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " trigger in " + triggers));
  }

  private static Topics byName(String topic) {
    return Arrays.stream(Topics.values()).filter(t -> t.topic().equals(topic)).findFirst()
        .orElseThrow(() -> new AssertionError(topic + " is not in Topics"));
  }
}
