package io.chargen.k8s;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service's code says about how it must be deployed, read from its sources (main code of the module
 * {@code <name>-service} and of the shared {@code service-support}) rather than from its classes: the k8s
 * module then needs no service on its class path, and a missing module is reported instead of breaking the build.
 *
 * @param name the service, e.g. {@code classifier}
 * @param own the module's main sources, concatenated
 * @param shared service-support's main sources, concatenated (empty when the module does not exist yet)
 * @param pom the module's pom.xml
 */
record ServiceCode(String name, String own, String shared, String pom) {
  static final String HTTP_PORT = "CHARGEN_HTTP_PORT";
  private static final Pattern VARIABLE = Pattern.compile("\"(CHARGEN_[A-Z0-9_]+)\"");
  private static final Pattern GET_ROUTE = Pattern.compile("\\.get\\(\\s*\"(/[^\"]*)\"");
  private static final Pattern PATH_LITERAL = Pattern.compile("\"(/v\\d+/[^\"]*)\"");
  private static final Pattern SHUTDOWN = Pattern.compile("SHUTDOWN_SECONDS\\s*=\\s*(\\d+)\\s*;");
  /** The shutdown the services promise (issue 3) when the code names no constant. */
  private static final int PROMISED_SHUTDOWN_SECONDS = 30;

  /** @return the module's code, or empty when {@code <name>-service} has no sources (not merged yet) */
  static Optional<ServiceCode> read(String name) {
    Path root = Repository.root();
    Path module = root.resolve(name + "-service");
    if (!Files.isDirectory(module.resolve("src/main/java"))) {
      return Optional.empty();
    }
    return Optional.of(new ServiceCode(name, sources(module.resolve("src/main/java")),
        sources(root.resolve("service-support/src/main/java")), Repository.read(module.resolve("pom.xml"))));
  }

  /** @return every {@code CHARGEN_…} variable named in the module's or service-support's code */
  Set<String> variablesRead() {
    Set<String> names = new TreeSet<>(variables(own));
    names.addAll(variables(shared));
    return names;
  }

  /** @return the {@code CHARGEN_…} variables named in the module's own code */
  Set<String> ownVariables() {
    return variables(own);
  }

  /**
   * The default of {@value #HTTP_PORT}: the second argument of the {@code env.…(name, default…)} call that reads
   * it, as a literal or as an int constant.
   */
  int defaultHttpPort() {
    String code = own + "\n" + shared;
    Set<String> names = new TreeSet<>(Set.of("\"" + HTTP_PORT + "\""));
    Pattern.compile("(\\w+)\\s*=\\s*\"" + HTTP_PORT + "\"").matcher(code).results()
        .forEach(r -> names.add(r.group(1)));
    String alternatives = names.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    Matcher call = Pattern.compile("\\(\\s*(?:[\\w.]*\\.)?(?:" + alternatives + ")\\s*,\\s*(?:[\\w.]*\\.)?(\\w+)")
        .matcher(own);
    // Or the shared HttpSettings reads it for every service with the service's default (issue 12).
    Matcher viaSettings = Pattern.compile("HttpSettings\\.fromEnv\\(\\s*\\w+\\s*,\\s*(?:[\\w.]*\\.)?(\\w+)\\s*\\)")
        .matcher(own);
    String value;
    if (call.find()) {
      value = call.group(1);
    } else if (viaSettings.find() && shared.contains("PORT = \"" + HTTP_PORT + "\"")) {
      value = viaSettings.group(1);
    } else {
      return fail("%s-service: no call reading %s with a default (looked for name, default)", name, HTTP_PORT);
    }
    if (!value.matches("[\\d_]+")) {
      Matcher constant = Pattern.compile("\\b" + value + "\\s*=\\s*([\\d_]+)\\s*;").matcher(code);
      if (!constant.find()) {
        return fail("%s-service: the default of %s is %s, which is not an int constant", name, HTTP_PORT, value);
      }
      value = constant.group(1);
    }
    return Integer.parseInt(value.replace("_", ""));
  }

  /** @return the paths of {@code GET} routes in the module and service-support, e.g. /health, /metrics */
  Set<String> getRoutes() {
    return Stream.of(own, shared).flatMap(code -> GET_ROUTE.matcher(code).results().map(r -> r.group(1)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * @return whether the module declares the route itself or uses the shared HTTP base (health and metrics), directly
   *     or through the shared consuming-service assembly
   */
  boolean serves(String route) {
    return own.contains("\"" + route + "\"") || own.contains("ServiceHttp.router(")
        || own.contains("new ServiceAssembly(");
  }

  /**
   * @return API path literals of the module, e.g. /v1/queries, /v1/queries/:id, and those of the shared API it
   *     mounts ({@code GET /v1/concepts} is service-support's {@code ConceptsApi})
   */
  Set<String> apiPaths() {
    Set<String> paths = PATH_LITERAL.matcher(own).results().map(r -> r.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
    if (own.contains(".operation(") || own.contains("ConceptsApi.bind(")) {
      // Bound by operation id to the service's OpenAPI document, which gives the paths (issue 12).
      Path document = Repository.root().resolve("api/src/main/resources/chargen/api/" + name + ".openapi.yaml");
      Pattern.compile("(?m)^  (/v\\d+/[^:]+):$").matcher(Repository.read(document)).results()
          .map(r -> r.group(1).replaceAll("\\{(\\w+)}", ":$1")).forEach(paths::add);
    }
    if (own.contains("ConceptsApi.mount(")) {
      PATH_LITERAL.matcher(shared).results().map(r -> r.group(1)).filter(p -> p.startsWith("/v1/concepts"))
          .forEach(paths::add);
    }
    return paths;
  }

  /** @return the seconds the entry point waits for a clean shutdown */
  int shutdownSeconds() {
    Matcher m = SHUTDOWN.matcher(own);
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    Matcher shared = SHUTDOWN.matcher(this.shared);
    return shared.find() ? Integer.parseInt(shared.group(1)) : PROMISED_SHUTDOWN_SECONDS;
  }

  private static Set<String> variables(String code) {
    return VARIABLE.matcher(code).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
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
