package io.chargen.service;

import io.chargen.model.Names;
import io.chargen.service.security.BearerAuth;
import io.chargen.service.security.Role;
import io.chargen.service.security.TenantRateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's published API, routed as its OpenAPI document (api module, {@code chargen/api/<service>.openapi.yaml})
 * says (issue 12). The service binds a handler to each {@code /v1} operation by its {@code operationId} and to each
 * WebSocket of the AsyncAPI document by its address; {@link #mount} then puts every request through, in order:
 * <ol>
 *   <li>{@link BearerAuth#require} with the roles of the operation's security requirement (401/403; no body is read
 *   for a caller without a token);</li>
 *   <li>the tenant's {@link TenantRateLimiter} (429 with {@code Retry-After});</li>
 *   <li>for an operation with a request body: {@code Content-Type: application/json} or 415 (a cross-origin
 *   {@code text/plain} or multipart POST never reaches a parser);</li>
 *   <li>Vert.x's OpenAPI router built from the document's {@code /v1} operations: the body (bounded, no file
 *   uploads) and parameters are validated against the contract (400 naming what breaks it), then the handler runs.
 *   </li>
 * </ol>
 * The Origin allow-list runs before all of them, on the whole router ({@link ServiceAssembly}). The document is the
 * one source of paths and roles: a documented operation without a handler, or a handler for no documented
 * operation, fails the service's start naming it. Pages, {@code /health} and the documents themselves are plain
 * routes outside the contract's validation.
 */
public final class ServiceApi {
  /** Where the documents are on the class path (the api module). */
  public static final String DOCUMENTS = "chargen/api/";
  /** The AsyncAPI document: the WebSockets and the Kafka topics. */
  public static final String ASYNCAPI = DOCUMENTS + "chargen.asyncapi.yaml";
  /** Marks an operation of a document that is designed but not served yet. */
  public static final String PLANNED = "x-chargen-planned";
  private static final String SCHEME = "bearer";
  private static final String API_PREFIX = "/v1/";
  private static final int BAD_REQUEST = 400;
  private static final int TOO_LARGE = 413;
  private static final int UNSUPPORTED_MEDIA_TYPE = 415;
  /** Characters of the validator's message quoted in a 400: what broke the contract, not the whole input. */
  private static final int MAX_MESSAGE_CHARS = 200;

  private final Vertx vertx;
  private final String service;
  private final BearerAuth auth;
  private final TenantRateLimiter limiter;
  private final Map<String, Handler<RoutingContext>> operations = new LinkedHashMap<>();
  private final Map<String, Handler<RoutingContext>> webSockets = new LinkedHashMap<>();
  private long bodyLimit = 64 * 1024;

  ServiceApi(Vertx vertx, String service, BearerAuth auth, TenantRateLimiter limiter) {
    this.vertx = vertx;
    this.service = service;
    this.auth = auth;
    this.limiter = limiter;
  }

  /** @return the class-path resource of this service's OpenAPI document */
  public String document() {
    return DOCUMENTS + service + ".openapi.yaml";
  }

  /**
   * @param operationId an operation of the document
   * @param handler answers it; the caller is {@link BearerAuth#caller}, the body validated against the contract
   * @return this
   */
  public ServiceApi operation(String operationId, Handler<RoutingContext> handler) {
    if (operations.put(operationId, handler) != null) {
      throw new IllegalStateException("operation " + operationId + " is bound twice");
    }
    return this;
  }

  /**
   * @param address a WebSocket channel's address in the AsyncAPI document, e.g. {@code /v1/pen}
   * @param handler upgrades it ({@code ctx.request().toWebSocket()}); the caller is {@link BearerAuth#caller}
   * @return this
   */
  public ServiceApi webSocket(String address, Handler<RoutingContext> handler) {
    webSockets.put(address, handler);
    return this;
  }

  /**
   * @param bytes the largest request body of this service's operations
   * @return this
   */
  public ServiceApi bodyLimit(long bytes) {
    this.bodyLimit = bytes;
    return this;
  }

  /**
   * Adds the guarded routes to the router, after the routes already on it (health, pages).
   *
   * @param router the service's router, the {@link io.chargen.service.security.OriginGuard} first on it
   * @return completes when mounted; fails naming an operation without handler or a handler without operation
   */
  Future<Void> mount(Router router) {
    Future<OpenAPIContract> loaded;
    try {
      // Parsed here rather than by the contract loader: the /v1 part is cut out before Vert.x resolves it.
      Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(resource(document()));
      loaded = OpenAPIContract.from(vertx, onlyApi(new JsonObject(new JsonObject(yaml).encode())));
    } catch (RuntimeException e) {
      loaded = Future.failedFuture(e);
    }
    return loaded
        .compose(contract -> {
          checkBindings(contract);
          for (Operation op : contract.operations()) {
            guard(router.route(op.getHttpMethod(), vertxPath(op.getOpenAPIPath())), roles(op),
                op.getRequestBody() != null);
          }
          mountWebSockets(router);
          router.route("/*").subRouter(validatingRouter(contract));
          return Future.<Void>succeededFuture();
        })
        .recover(e -> Future.failedFuture(new IllegalStateException(service + "'s API from " + document() + ": "
            + e.getMessage(), e)));
  }

  /**
   * The document with only its served {@code /v1} operations: pages, health and the documents are served outside
   * it, and an operation marked {@value #PLANNED} is designed, not served (it answers 404 like any unknown path).
   */
  static JsonObject onlyApi(JsonObject raw) {
    JsonObject copy = raw.copy();
    JsonObject paths = copy.getJsonObject("paths");
    for (String path : new ArrayList<>(paths.fieldNames())) {
      JsonObject item = paths.getJsonObject(path);
      if (path.startsWith(API_PREFIX)) {
        new ArrayList<>(item.fieldNames()).stream()
            .filter(method -> item.getValue(method) instanceof JsonObject op && op.getBoolean(PLANNED, false))
            .forEach(item::remove);
      }
      if (!path.startsWith(API_PREFIX) || item.fieldNames().stream().noneMatch(ServiceApi::isMethod)) {
        paths.remove(path);
      }
    }
    return copy;
  }

  private static boolean isMethod(String field) {
    return Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(field);
  }

  private void checkBindings(OpenAPIContract contract) {
    Set<String> documented = new TreeSet<>();
    contract.operations().forEach(o -> documented.add(o.getOperationId()));
    Set<String> unbound = new TreeSet<>(documented);
    unbound.removeAll(operations.keySet());
    Set<String> unknown = new TreeSet<>(operations.keySet());
    unknown.removeAll(documented);
    if (!unbound.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalStateException("documented operations without a handler " + unbound
          + ", handlers of operations not in the document " + unknown);
    }
  }

  private static Set<Role> roles(Operation op) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    op.getSecurityRequirements().forEach(r -> r.getScopes(SCHEME).forEach(scope -> roles.add(Role.fromClaim(scope)
        .orElseThrow(() -> new IllegalStateException(op.getOperationId() + " names role '" + scope
            + "', which is none of tablet, dashboard, admin")))));
    if (roles.isEmpty()) {
      throw new IllegalStateException(op.getOperationId() + " needs no role: every " + API_PREFIX
          + " operation needs a bearer token with one");
    }
    return roles;
  }

  private io.vertx.ext.web.Route guard(io.vertx.ext.web.Route route, Set<Role> roles, boolean hasBody) {
    Role first = roles.iterator().next();
    route.handler(auth.require(first, roles.stream().skip(1).toArray(Role[]::new))).handler(limiter.handler());
    return hasBody ? route.handler(ServiceApi::requireJson) : route;
  }

  @SuppressWarnings("unchecked")
  private void mountWebSockets(Router router) {
    Map<String, Object> asyncApi = new org.yaml.snakeyaml.Yaml().load(resource(ASYNCAPI));
    Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) asyncApi.get("channels");
    webSockets.forEach((address, handler) -> {
      List<String> claims = channels.values().stream().filter(c -> address.equals(c.get("address")))
          .map(c -> (List<String>) c.get("x-chargen-roles")).findFirst()
          .orElseThrow(() -> new IllegalStateException("WebSocket " + address + " is no channel of " + ASYNCAPI));
      Set<Role> roles = EnumSet.noneOf(Role.class);
      claims.forEach(c -> roles.add(Role.fromClaim(c).orElseThrow()));
      guard(router.route(address), roles, false).handler(handler);
    });
  }

  private Router validatingRouter(OpenAPIContract contract) {
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    // No file uploads: a multipart body would otherwise be written to file-uploads/ (requireJson refuses it first).
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(bodyLimit));
    for (OpenAPIRoute route : builder.getRoutes()) {
      // Security is BearerAuth's, mounted before this router; the router validates and dispatches.
      route.setDoSecurity(false).addHandler(operations.get(route.getOperation().getOperationId()))
          .addFailureHandler(this::refuse);
    }
    return builder.createRouter();
  }

  /** A request the contract's validation or the body handler failed: JSON errors, a short excerpt only. */
  private void refuse(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status == BAD_REQUEST) {
      String message = ctx.failure() instanceof HttpException h && h.getPayload() != null ? h.getPayload()
          : String.valueOf(ctx.failure() == null ? "" : ctx.failure().getMessage());
      ServiceHttp.badRequest(ctx, "the request does not match the API contract (" + document().substring(
          DOCUMENTS.length()) + "): " + shorten(message));
    } else if (status == TOO_LARGE) {
      ServiceHttp.error(ctx, TOO_LARGE, "the body is larger than " + bodyLimit + " bytes");
    } else {
      ctx.next();
    }
  }

  private static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("content-type");
    String media = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      ServiceHttp.error(ctx, UNSUPPORTED_MEDIA_TYPE, "content-type = " + (type == null ? "(none)"
          : Names.excerpt(type)) + ": send the body as application/json");
      return;
    }
    ctx.next();
  }

  private static String shorten(String message) {
    String oneLine = message.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  /** OpenAPI {@code {id}} → Vert.x {@code :id}, as the OpenAPI router writes its routes. */
  private static String vertxPath(String openApiPath) {
    return openApiPath.replaceAll("\\{(.*?)}", ":$1");
  }

  static String resource(String name) {
    try (java.io.InputStream in = ServiceApi.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no " + name + " on the class path (module api)");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
