package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's KafkaUser may touch only its own topics and consumer groups (issue 5's access matrix). */
class KafkaUsersTest {
  private static final String READ = "Read";
  private static final String WRITE = "Write";
  /** Service → "topic operation" it may perform; Describe is allowed on each of these topics besides. */
  private static final Map<String, Set<String>> TOPIC_ACCESS = Map.of(
      "capture", Set.of(
          Topics.EXAMPLES.topic() + " " + WRITE,
          Topics.QUERIES.topic() + " " + WRITE,
          Topics.CLASSIFICATIONS.topic() + " " + READ),
      "learner", Set.of(
          Topics.EXAMPLES.topic() + " " + READ,
          Topics.CONCEPTS.topic() + " " + WRITE,
          Topics.CONCEPTS.topic() + " " + READ,
          Topics.EXAMPLES_DLQ.topic() + " " + WRITE),
      "generator", Set.of(
          Topics.CONCEPTS.topic() + " " + READ,
          Topics.GENERATION_REQUESTS.topic() + " " + READ,
          Topics.GENERATION_REQUESTS.topic() + " " + WRITE,
          Topics.GENERATIONS.topic() + " " + WRITE,
          Topics.GENERATIONS.topic() + " " + READ,
          Topics.GENERATION_REQUESTS_DLQ.topic() + " " + WRITE),
      "classifier", Set.of(
          Topics.QUERIES.topic() + " " + READ,
          Topics.CONCEPTS.topic() + " " + READ,
          Topics.CLASSIFICATIONS.topic() + " " + WRITE,
          Topics.QUERIES_DLQ.topic() + " " + WRITE));

  static GenericKubernetesResource user(Manifests manifests, String name) {
    return manifests.custom("KafkaUser").stream().filter(u -> name.equals(u.getMetadata().getName())).findFirst()
        .orElseThrow(() -> new AssertionError("[" + manifests.overlay() + "] no KafkaUser " + name));
  }

  static List<Map<String, Object>> acls(GenericKubernetesResource user) {
    return user.get("spec", "authorization", "acls");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resource(Map<String, Object> acl) {
    return (Map<String, Object>) acl.get("resource");
  }

  @SuppressWarnings("unchecked")
  private static List<String> operations(Map<String, Object> acl) {
    return (List<String>) acl.get("operations");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Each service's topic ACLs are exactly its reads and writes, plus Describe, on literal topic names")
  void topicAclsAreTheAccessMatrix(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    for (Map.Entry<String, Set<String>> expected : TOPIC_ACCESS.entrySet()) {
      GenericKubernetesResource user = user(manifests, "chargen-" + expected.getKey());
      assertThat(user.<String>get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
      Set<String> granted = new TreeSet<>();
      Set<String> described = new TreeSet<>();
      for (Map<String, Object> acl : acls(user)) {
        Map<String, Object> resource = resource(acl);
        if (!"topic".equals(resource.get("type"))) {
          continue;
        }
        assertThat(resource.get("patternType")).as("[%s] pattern of %s", overlay, resource).isEqualTo("literal");
        String topic = resource.get("name").toString();
        assertThat(Topics.names()).as("[%s] ACL topic of %s", overlay, user.getMetadata().getName())
            .contains(topic);
        for (String operation : operations(acl)) {
          if ("Describe".equals(operation)) {
            described.add(topic);
          } else {
            granted.add(topic + " " + operation);
          }
        }
      }
      assertThat(granted).as("[%s] topic ACLs of %s", overlay, user.getMetadata().getName())
          .containsExactlyInAnyOrderElementsOf(expected.getValue());
      assertThat(described).as("[%s] topics %s may describe", overlay, user.getMetadata().getName())
          .containsExactlyInAnyOrderElementsOf(expected.getValue().stream().map(a -> a.split(" ")[0])
              .collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Each service may use exactly the consumer group it is configured with, and none when it has none")
  void groupAclsAreTheServicesGroup(String overlay) {
    Manifests manifests = Kustomize.render(overlay);
    for (String service : TOPIC_ACCESS.keySet()) {
      GenericKubernetesResource user = user(manifests, "chargen-" + service);
      List<Map<String, Object>> others = acls(user).stream()
          .filter(acl -> !"topic".equals(resource(acl).get("type"))).toList();
      assertThat(others).as("[%s] non-topic ACLs of %s are groups", overlay, service)
          .allSatisfy(acl -> assertThat(resource(acl)).containsEntry("type", "group")
              .containsEntry("patternType", "literal"));
      String groupId = manifests.environment(service).get("CHARGEN_GROUP_ID");
      assertThat(others).as("[%s] group ACLs of %s (CHARGEN_GROUP_ID=%s)", overlay, service, groupId)
          .map(acl -> resource(acl).get("name"))
          .containsExactlyElementsOf(groupId == null ? List.of() : List.of(groupId));
    }
  }
}
