package io.chargen.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.api.ApiDocuments.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's OpenAPI document against the routes its code registers, and the roles of each operation. */
class OpenApiRoutesTest {
  /** Who may call what (issue 12): the roles of which a token needs one; empty = open. */
  private static final Map<String, List<String>> ROLES = new TreeMap<>(Map.ofEntries(
      Map.entry("capture postExample", List.of("tablet")),
      Map.entry("capture postQuery", List.of("tablet")),
      Map.entry("capture getQuery", List.of("tablet")),
      Map.entry("generator postGeneration", List.of("dashboard")),
      Map.entry("generator getGeneration", List.of("dashboard")),
      Map.entry("generator getRecentGenerations", List.of("dashboard")),
      // The pad (a tablet) reads which letters were trained and what it just taught (issue 16).
      Map.entry("generator getGeneratorConcepts", List.of("tablet", "dashboard", "admin")),
      Map.entry("classifier getClassifierConcepts", List.of("dashboard", "admin")),
      Map.entry("learner getLearnedConcepts", List.of("dashboard", "admin")),
      Map.entry("learner eraseConcept", List.of("admin")),
      Map.entry("learner eraseWriter", List.of("admin"))));

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.api.ApiDocuments#services")
  @DisplayName("the document's operations are exactly the HTTP routes the code registers, planned ones aside")
  void documentMatchesCode(String service) {
    Map<String, Operation> operations = ApiDocuments.operations(service);
    Set<String> served = operations.values().stream().filter(o -> !o.planned())
        .map(o -> o.method() + " " + o.path()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> http = ServiceRoutes.of(service).stream().filter(r -> !r.startsWith("WS "))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(served).as("%s: documented operations vs routes in %s-service and service-support", service, service)
        .isEqualTo(http);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.api.ApiDocuments#services")
  @DisplayName("a planned operation is not served yet: once it is, drop x-chargen-planned")
  void plannedNotYetServed(String service) {
    Set<String> routes = ServiceRoutes.of(service);
    ApiDocuments.operations(service).values().stream().filter(Operation::planned)
        .forEach(o -> assertThat(routes).as("%s serves planned %s %s", service, o.method(), o.path())
            .doesNotContain(o.method() + " " + o.path()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.chargen.api.ApiDocuments#services")
  @DisplayName("every /v1 operation needs a token with the roles of the issue's table; pages and health are open")
  void rolesPerOperation(String service) {
    for (Operation o : ApiDocuments.operations(service).values()) {
      List<String> expected = o.path().startsWith("/v1/") ? ROLES.get(service + " " + o.id()) : List.of();
      assertThat(expected).as("%s %s %s is in the role table", service, o.method(), o.path()).isNotNull();
      assertThat(o.roles()).as("%s %s (%s)", service, o.id(), o.path()).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("the WebSocket routes of the code are the WebSocket channels of the AsyncAPI document")
  @SuppressWarnings("unchecked")
  void webSocketsDocumented() {
    Set<String> code = new TreeSet<>();
    ApiDocuments.SERVICES.forEach(s -> ServiceRoutes.of(s).stream().filter(r -> r.startsWith("WS "))
        .forEach(r -> code.add(r.substring(3))));
    Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) ApiDocuments
        .load(ApiDocuments.ASYNCAPI).get("channels");
    Set<String> documented = channels.values().stream().map(c -> (String) c.get("address"))
        .filter(a -> a.startsWith("/")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(documented).isEqualTo(code).contains("/v1/pen", "/v1/stream");
  }

  @Test
  @DisplayName("the four documents share one security scheme, one error shape and the same refusals")
  @SuppressWarnings("unchecked")
  void sharedComponentsAgree() {
    Map<String, Object> first = components("capture");
    for (String service : ApiDocuments.SERVICES) {
      Map<String, Object> c = components(service);
      assertThat(c.get("securitySchemes")).as(service).isEqualTo(first.get("securitySchemes"));
      assertThat(((Map<String, Object>) c.get("schemas")).get("Error")).as(service)
          .isEqualTo(((Map<String, Object>) first.get("schemas")).get("Error"));
      for (String response : List.of("Unauthorized", "Forbidden", "TooManyRequests", "BadRequest")) {
        assertThat(((Map<String, Object>) c.get("responses")).get(response)).as("%s %s", service, response)
            .isEqualTo(((Map<String, Object>) first.get("responses")).get(response));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> components(String service) {
    return (Map<String, Object>) ApiDocuments.load(ApiDocuments.openApiPath(service)).get("components");
  }
}
