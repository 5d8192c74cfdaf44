package io.chargen.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The routes a service's code registers, read from its sources (the module {@code <name>-service} and the shared
 * {@code service-support}, whose router every service mounts) as k8s-validation reads them: {@code router.get(…)},
 * {@code post}, {@code put}, {@code delete}, {@code patch} and {@code route(…)} followed by a handler. A route whose
 * handler is a {@code BodyHandler} parses bodies, it is no endpoint; a {@code route(…)} that upgrades to a WebSocket
 * is {@code WS path}. Paths are written as OpenAPI writes them: {@code :id} → {@code {id}}, a trailing {@code *} →
 * {@code {file}}. Path expressions may concatenate string constants of the same sources. The API itself is bound to
 * the document's operations by id ({@code api.operation("postExample", …)}, {@code ConceptsApi.bind(api,
 * "getLearnedConcepts", …)}) and its WebSockets by address ({@code webSocket("/v1/pen", …)}): such a binding counts
 * as the route the document gives that id, so an id bound in code but missing from the document fails here too.
 */
final class ServiceRoutes {
  private static final Pattern ROUTE = Pattern.compile(
      "\\brouter\\.(get|post|put|delete|patch|route)\\(([^()]*)\\)\\s*\\.handler\\(([^;]*);", Pattern.DOTALL);
  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
  /** service-support's {@code ConceptsApi} route. */
  private static final String CONCEPTS = "GET /v1/concepts";
  private static final Pattern OPERATION = Pattern.compile(
      "(?:\\.operation\\(|ConceptsApi\\.bind\\(\\s*[^,]+,)\\s*\"(\\w+)\"");
  private static final Pattern WEBSOCKET = Pattern.compile("\\.webSocket\\(\\s*\"([^\"]+)\"");

  private ServiceRoutes() {}

  /** @return "METHOD path" of every route the service registers, WS for WebSocket upgrades */
  static Set<String> of(String service) {
    Path root = root();
    String own = sources(root.resolve(service + "-service/src/main/java"));
    assertThat(own).as("sources of %s-service", service).isNotEmpty();
    String shared = sources(root.resolve("service-support/src/main/java"));
    Set<String> routes = new TreeSet<>(scan(own, own + shared));
    // The shared router (health, metrics) comes with ServiceHttp.router or the ServiceAssembly that builds it; the
    // shared GET /v1/concepts only with ConceptsApi.mount.
    Set<String> sharedRoutes = scan(shared, shared);
    boolean concepts = sharedRoutes.remove(CONCEPTS);
    if (own.contains("ServiceHttp.router(") || own.contains("new ServiceAssembly(")) {
      routes.addAll(sharedRoutes);
    }
    if (concepts && own.contains("ConceptsApi.mount(")) {
      routes.add(CONCEPTS);
    }
    Matcher op = OPERATION.matcher(own);
    while (op.find()) {
      String id = op.group(1);
      routes.add(ApiDocuments.operations(service).values().stream().filter(o -> id.equals(o.id()))
          .map(o -> o.method() + " " + o.path()).findFirst().orElse("UNDOCUMENTED " + id));
    }
    Matcher ws = WEBSOCKET.matcher(own);
    while (ws.find()) {
      routes.add("WS " + ws.group(1));
    }
    return routes;
  }

  private static Set<String> scan(String code, String constants) {
    Set<String> routes = new TreeSet<>();
    Matcher m = ROUTE.matcher(code);
    while (m.find()) {
      String handler = m.group(3);
      if (handler.contains("BodyHandler") || m.group(2).isBlank()) {
        continue; // a body parser, or a handler on every route (metrics, tracing): no endpoint
      }
      String path = openApiPath(resolve(m.group(2), constants));
      String method = m.group(1).toUpperCase();
      if (method.equals("ROUTE")) {
        assertThat(handler).as("route(%s) upgrades to a WebSocket (else it needs a method)", path)
            .contains("toWebSocket");
        method = "WS";
      }
      routes.add(method + " " + path);
    }
    return routes;
  }

  /** Joins the literals and constants of {@code "a" + B + "c"}. */
  private static String resolve(String expression, String constants) {
    StringBuilder path = new StringBuilder();
    for (String part : expression.split("\\+")) {
      String p = part.trim();
      Matcher literal = LITERAL.matcher(p);
      if (literal.matches()) {
        path.append(literal.group(1));
        continue;
      }
      Matcher constant = Pattern.compile("\\b" + Pattern.quote(p) + "\\s*=\\s*\"([^\"]*)\"\\s*;").matcher(constants);
      assertThat(constant.find()).as("the constant %s of a route path", p).isTrue();
      path.append(constant.group(1));
    }
    return path.toString();
  }

  private static String openApiPath(String vertxPath) {
    String path = vertxPath.replaceAll(":(\\w+)", "{$1}");
    return path.endsWith("/*") ? path.substring(0, path.length() - 1) + "{file}" : path;
  }

  static Path root() {
    Path root = Path.of(System.getProperty("chargen.root", "..")).toAbsolutePath().normalize();
    assertThat(root.resolve("service-support")).as("service-support under %s", root).isDirectory();
    return root;
  }

  private static String sources(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
      StringBuilder all = new StringBuilder();
      for (Path file : java) {
        all.append(Files.readString(file)).append('\n');
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sources under " + dir, e);
    }
  }
}
