package io.chargen.k8s;

import tools.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a value against a CRD's structural OpenAPI v3 schema as the API server would before storing it: types
 * (with {@code x-kubernetes-int-or-string}), required fields, enums, numeric bounds, string patterns, items,
 * {@code oneOf} and unknown fields. An unknown field is an error here although the API server silently prunes it:
 * a pruned field is a setting that never takes effect. CEL rules ({@code x-kubernetes-validations}) are not
 * evaluated.
 */
final class StructuralSchema {
  private StructuralSchema() {}

  /**
   * @param value the value (maps, lists, strings, numbers, booleans as parsed from YAML)
   * @param schema its schema
   * @param path where the value sits, for the messages, e.g. {@code .spec}
   * @return one message per violation, empty when the value conforms
   */
  static List<String> violations(Object value, JSONSchemaProps schema, String path) {
    List<String> out = new ArrayList<>();
    check(value, schema, path, true, out);
    return out;
  }

  private static void check(Object value, JSONSchemaProps schema, String path, boolean strict, List<String> out) {
    if (value == null) {
      return;
    }
    if (!typeMatches(value, schema)) {
      out.add(path + ": expected " + (Boolean.TRUE.equals(schema.getXKubernetesIntOrString()) ? "integer or string"
          : schema.getType()) + " but got " + describe(value));
      return;
    }
    checkEnum(value, schema, path, out);
    checkBounds(value, schema, path, out);
    if (value instanceof Map<?, ?> map) {
      checkObject(map, schema, path, strict, out);
    } else if (value instanceof List<?> list && schema.getItems() != null && schema.getItems().getSchema() != null) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), schema.getItems().getSchema(), path + "[" + i + "]", strict, out);
      }
    }
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      long matching = schema.getOneOf().stream().filter(s -> conforms(value, s)).count();
      if (matching != 1) {
        out.add(path + ": matches " + matching + " of the " + schema.getOneOf().size()
            + " alternatives of oneOf (exactly one required)");
      }
    }
  }

  private static void checkObject(Map<?, ?> map, JSONSchemaProps schema, String path, boolean strict,
      List<String> out) {
    if (schema.getRequired() != null) {
      for (String field : schema.getRequired()) {
        if (!map.containsKey(field)) {
          out.add(path + ": required field '" + field + "' is missing");
        }
      }
    }
    Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
    JSONSchemaProps additional = schema.getAdditionalProperties() == null ? null
        : schema.getAdditionalProperties().getSchema();
    boolean anyField = Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())
        || schema.getAdditionalProperties() != null && Boolean.TRUE.equals(schema.getAdditionalProperties().getAllows());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String field = String.valueOf(e.getKey());
      String at = path + "." + field;
      if ("metadata".equals(field) && !path.contains(".")) {
        continue; // the object's ObjectMeta: the API server checks it, the CRD schema only says "object"
      }
      if (properties.containsKey(field)) {
        check(e.getValue(), properties.get(field), at, strict, out);
      } else if (additional != null) {
        check(e.getValue(), additional, at, strict, out);
      } else if (strict && !anyField) {
        out.add(at + ": unknown field (the API server would drop it; known here: " + properties.keySet() + ")");
      }
    }
  }

  private static boolean conforms(Object value, JSONSchemaProps schema) {
    List<String> out = new ArrayList<>();
    check(value, schema, "", false, out);
    return out.isEmpty();
  }

  private static void checkEnum(Object value, JSONSchemaProps schema, String path, List<String> out) {
    List<JsonNode> allowed = schema.getEnum();
    if (allowed == null || allowed.isEmpty()) {
      return;
    }
    boolean found = allowed.stream().anyMatch(a -> a.isNumber() && value instanceof Number n
        ? a.asDouble() == n.doubleValue() : a.asText().equals(String.valueOf(value)));
    if (!found) {
      out.add(path + ": '" + value + "' is not one of " + allowed);
    }
  }

  private static void checkBounds(Object value, JSONSchemaProps schema, String path, List<String> out) {
    if (value instanceof Number n) {
      if (schema.getMinimum() != null && n.doubleValue() < schema.getMinimum()) {
        out.add(path + ": " + n + " is below the minimum " + schema.getMinimum());
      }
      if (schema.getMaximum() != null && n.doubleValue() > schema.getMaximum()) {
        out.add(path + ": " + n + " is above the maximum " + schema.getMaximum());
      }
    }
    if (value instanceof String s && schema.getPattern() != null
        && !Pattern.compile(schema.getPattern()).matcher(s).find()) {
      out.add(path + ": '" + s + "' does not match " + schema.getPattern());
    }
  }

  private static boolean typeMatches(Object value, JSONSchemaProps schema) {
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      return value instanceof String || isInteger(value);
    }
    String type = schema.getType();
    if (type == null) {
      return true;
    }
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "integer" -> isInteger(value);
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> true;
    };
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
        || value instanceof Short;
  }

  private static String describe(Object value) {
    String type = value instanceof Map ? "an object" : value instanceof List ? "an array"
        : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return type + (value instanceof Map || value instanceof List ? "" : " '" + value + "'");
  }
}
