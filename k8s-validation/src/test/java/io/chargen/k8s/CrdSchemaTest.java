package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every custom resource of a group whose CRDs are vendored under {@code src/test/resources/crds} (see SOURCES.md
 * there) conforms to the published schema of its apiVersion: the check an API server with those CRDs makes.
 */
class CrdSchemaTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  /** apiVersion + "/" + kind → schema. */
  private static final Map<String, JSONSchemaProps> SCHEMAS = load();
  /** The API groups whose CRDs must be vendored: the manifests' operators the issue names. */
  private static final Set<String> REQUIRED_GROUPS = Set.of("kafka.strimzi.io");

  private static Map<String, JSONSchemaProps> load() {
    Map<String, JSONSchemaProps> schemas = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of(CrdSchemaTest.class.getResource("/crds").toURI()))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        CustomResourceDefinition crd = SERIALIZATION.unmarshal(Files.readString(file),
            CustomResourceDefinition.class);
        for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
          schemas.put(crd.getSpec().getGroup() + "/" + v.getName() + "/" + crd.getSpec().getNames().getKind(),
              v.getSchema().getOpenAPIV3Schema());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return schemas;
  }

  private static boolean vendoredGroup(String apiVersion) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return SCHEMAS.keySet().stream().anyMatch(k -> k.startsWith(group + "/"));
  }

  @Test
  @DisplayName("The vendored CRDs cover Strimzi's Kafka, KafkaNodePool, KafkaTopic and KafkaUser at v1")
  void schemasAreVendored() {
    assertThat(SCHEMAS).containsKeys("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool",
        "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser");
    assertThat(REQUIRED_GROUPS).allMatch(g -> SCHEMAS.keySet().stream().anyMatch(k -> k.startsWith(g + "/")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.k8s.Repository#overlays")
  @DisplayName("Every resource of a vendored API group has a schema for its apiVersion and conforms to it")
  void customResourcesConform(String overlay) {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map<String, Object> r : Kustomize.documents(overlay)) {
      String apiVersion = String.valueOf(r.get("apiVersion"));
      String kind = String.valueOf(r.get("kind"));
      if (!vendoredGroup(apiVersion)) {
        continue;
      }
      JSONSchemaProps schema = SCHEMAS.get(apiVersion + "/" + kind);
      String what = kind + " " + ((Map<?, ?>) r.get("metadata")).get("name");
      if (schema == null) {
        problems.add(what + ": no vendored schema for " + apiVersion + " (vendored: "
            + SCHEMAS.keySet().stream().filter(k -> k.endsWith("/" + kind)).toList() + ")");
        continue;
      }
      problems.addAll(StructuralSchema.violations(r, schema, what));
      checked++;
    }
    assertThat(checked).as("[%s] custom resources checked against a schema", overlay).isPositive();
    assertThat(problems).as("[%s] schema violations", overlay).isEmpty();
  }

  @Test
  @DisplayName("The checker rejects what the API server would: a wrong type, a missing field, an unknown field")
  void checkerRejectsBadResources() {
    JSONSchemaProps topic = SCHEMAS.get("kafka.strimzi.io/v1/KafkaTopic");
    Map<String, Object> bad = Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaTopic",
        "metadata", Map.of("name", "t"), "spec", Map.of("partitions", "six", "replica", 3));
    assertThat(StructuralSchema.violations(bad, topic, "KafkaTopic t")).containsExactlyInAnyOrder(
        "KafkaTopic t.spec.partitions: expected integer but got string 'six'",
        "KafkaTopic t.spec.replica: unknown field (the API server would drop it; known here: "
            + topic.getProperties().get("spec").getProperties().keySet() + ")");
    JSONSchemaProps user = SCHEMAS.get("kafka.strimzi.io/v1/KafkaUser");
    Map<String, Object> noOperations = Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaUser",
        "metadata", Map.of("name", "u"), "spec", Map.of("authorization", Map.of("type", "simple", "acls",
            List.of(Map.of("resource", Map.of("type", "topic", "name", "x"), "operation", "Read")))));
    assertThat(StructuralSchema.violations(noOperations, user, "u")).anyMatch(m -> m.contains("'operations'"))
        .anyMatch(m -> m.contains(".operation: unknown field"));
  }
}
