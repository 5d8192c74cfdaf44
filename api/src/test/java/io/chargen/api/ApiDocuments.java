package io.chargen.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/** The published documents, read from the class path as the services will serve them. */
final class ApiDocuments {
  /** The services with an OpenAPI document, as their modules are named ({@code <name>-service}). */
  static final List<String> SERVICES = List.of("capture", "classifier", "generator", "learner");
  /** HTTP methods an OpenAPI path item can hold. */
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  static final String ASYNCAPI = "chargen/api/chargen.asyncapi.yaml";

  private ApiDocuments() {}

  /** An operation of a document: its method and path, whether it is only planned, and the roles it needs. */
  record Operation(String method, String path, String id, boolean planned, List<String> roles) {}

  /** @return the services, for parameterised tests */
  static List<String> services() {
    return SERVICES;
  }

  static String openApiPath(String service) {
    return "chargen/api/" + service + ".openapi.yaml";
  }

  static Map<String, Object> load(String resource) {
    try (InputStream in = ApiDocuments.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no " + resource + " on the class path");
      }
      return new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the document's operations by "METHOD path", roles from the operation's or the document's security */
  @SuppressWarnings("unchecked")
  static Map<String, Operation> operations(String service) {
    Map<String, Object> doc = load(openApiPath(service));
    Object global = doc.get("security");
    Map<String, Operation> operations = new TreeMap<>();
    ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
      if (METHODS.contains(method)) {
        Map<String, Object> operation = (Map<String, Object>) op;
        Object security = operation.containsKey("security") ? operation.get("security") : global;
        String key = method.toUpperCase() + " " + path;
        operations.put(key, new Operation(method.toUpperCase(), path, (String) operation.get("operationId"),
            Boolean.TRUE.equals(operation.get("x-chargen-planned")), roles(security)));
      }
    }));
    return operations;
  }

  @SuppressWarnings("unchecked")
  private static List<String> roles(Object security) {
    List<Map<String, List<String>>> requirements = (List<Map<String, List<String>>>) security;
    return requirements.stream().flatMap(r -> r.values().stream()).flatMap(List::stream).toList();
  }
}
