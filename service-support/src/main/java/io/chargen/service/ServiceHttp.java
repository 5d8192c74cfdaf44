package io.chargen.service;

import io.chargen.service.security.OriginGuard;
import io.chargen.service.security.WebSocketTokens;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP base of every service: a router with {@code GET /health} (200 when every {@link HealthChecks} check is
 * up, else 503), the published documents and the Origin allow-list, to which the service adds its API; a management
 * router with {@code GET /metrics} (Prometheus text) for a port of its own (issue 12: metrics are not public); JSON
 * errors.
 */
public final class ServiceHttp {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceHttp.class);
  /** The Prometheus text exposition format, version 0.0.4. */
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json";
  /** YAML as text: Vert.x's OpenAPI contract accepts no YAML media type for a documented response. */
  private static final String YAML = "text/plain; charset=utf-8";
  private static final int OK = 200;
  private static final int BAD_REQUEST = 400;
  private static final int NOT_FOUND = 404;
  private static final int UNAVAILABLE = 503;
  private static final int TOO_MANY = 429;
  /** Largest WebSocket message: a letter of {@code TrajectoryLimits.MAX_POINTS} points sent at once fits. */
  public static final int MAX_WEBSOCKET_MESSAGE_BYTES = 256 * 1024;

  private ServiceHttp() {}

  /**
   * @param vertx the Vert.x instance
   * @param health the checks
   * @param tracing starts a server span per request
   * @param origins the Origin allow-list, the first handler after metrics and tracing
   * @param metrics times every request ({@code chargen.http.requests})
   * @param document the service's OpenAPI document on the class path, served at {@code /openapi.yaml}
   * @return a router with {@code /health} (readiness: every check, e.g. Kafka consumers), {@code /health/live}
   *     (liveness: the event loop answers; a Kafka outage must not restart every pod), {@code /openapi.yaml} and
   *     {@code /asyncapi.yaml}; add the API routes to it
   */
  public static Router router(Vertx vertx, HealthChecks health, Tracing tracing, OriginGuard origins,
      Handler<RoutingContext> metrics, String document) {
    Router router = Router.router(vertx);
    router.route().handler(metrics);
    router.route().handler(tracing.http());
    router.route().handler(origins);
    addHealth(router, health);
    String openApi = ServiceApi.resource(document);
    String asyncApi = ServiceApi.resource(ServiceApi.ASYNCAPI);
    router.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("content-type", YAML).end(openApi));
    router.get("/asyncapi.yaml").handler(ctx -> ctx.response().putHeader("content-type", YAML).end(asyncApi));
    return router;
  }

  /** The pages' token script (issue 12), the same for the pad and the dashboard. */
  public static final String AUTH_SCRIPT = "auth.js";

  /**
   * @return a handler for a page folder's routes ({@code /pad/*}, {@code /dashboard/*}) that answers
   *     {@value #AUTH_SCRIPT} in that folder with service-support's script, and passes anything else on to the
   *     folder's static files: one script for every page, reachable under each page's own path (the Ingress routes
   *     only {@code /pad/} and {@code /dashboard/})
   */
  public static Handler<RoutingContext> pageAuthScript() {
    String script = ServiceApi.resource("webroot/auth/" + AUTH_SCRIPT);
    return ctx -> {
      if (ctx.normalizedPath().endsWith("/" + AUTH_SCRIPT)) {
        ctx.response().putHeader("content-type", "text/javascript; charset=utf-8").end(script);
      } else {
        ctx.next();
      }
    };
  }

  /**
   * @param vertx the Vert.x instance
   * @param registry the registry to scrape
   * @param health the checks
   * @return the management router: {@code /metrics} (Prometheus text) and the health checks, for the management
   *     port that only Prometheus and the kubelet reach
   */
  public static Router managementRouter(Vertx vertx, PrometheusMeterRegistry registry, HealthChecks health) {
    Router router = Router.router(vertx);
    addHealth(router, health);
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", PROMETHEUS_CONTENT_TYPE)
        .end(registry.scrape()));
    return router;
  }

  private static void addHealth(Router router, HealthChecks health) {
    router.get("/health").handler(ctx -> ctx.response()
        .setStatusCode(health.up() ? OK : UNAVAILABLE)
        .putHeader("content-type", JSON)
        .end(health.toJson().encode()));
    router.get("/health/live").handler(ctx -> ctx.response()
        .putHeader("content-type", JSON)
        .end("{\"status\":\"UP\"}"));
  }

  /**
   * @param vertx the Vert.x instance
   * @param router the routes
   * @param host the interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port the TCP port; 0 picks a free one (tests)
   * @return the listening server
   */
  public static Future<HttpServer> listen(Vertx vertx, Router router, String host, int port) {
    // HTTP/1.1 only: the JDK client's h2c upgrade attempt broke responses (seen in the ITs); browsers, curl and
    // Prometheus speak HTTP/1.1 to a plain-text port anyway. Browsers offer the token as a WebSocket subprotocol
    // beside chargen.v1, which the server must be able to select (WebSocketTokens).
    HttpServerOptions options = WebSocketTokens.accept(new HttpServerOptions().setHttp2ClearTextEnabled(false)
        .setMaxWebSocketMessageSize(MAX_WEBSOCKET_MESSAGE_BYTES));
    return vertx.createHttpServer(options).requestHandler(router).listen(port, host)
        .onSuccess(server -> LOG.info("HTTP listening on {}:{}", host, server.actualPort()));
  }

  /**
   * Answers 400 with {@code {"error": message}}.
   *
   * @param ctx the request
   * @param message names the field and the value
   */
  public static void badRequest(RoutingContext ctx, String message) {
    error(ctx, BAD_REQUEST, message);
  }

  /**
   * Answers 404 with {@code {"error": message}}.
   *
   * @param ctx the request
   * @param message names what was not found
   */
  public static void notFound(RoutingContext ctx, String message) {
    error(ctx, NOT_FOUND, message);
  }

  /**
   * Answers 503 with {@code Retry-After}: the service cannot take work now (broker unreachable, still starting).
   *
   * @param ctx the request
   * @param retryAfterSeconds when to try again
   * @param message why
   */
  public static void unavailable(RoutingContext ctx, int retryAfterSeconds, String message) {
    ctx.response().putHeader("retry-after", Integer.toString(retryAfterSeconds));
    error(ctx, UNAVAILABLE, message);
  }

  /**
   * Answers 429 with {@code Retry-After}: the backlog is full; the work would wait longer than it is worth.
   *
   * @param ctx the request
   * @param retryAfterSeconds when to try again
   * @param message why, with the bound
   */
  public static void tooManyRequests(RoutingContext ctx, int retryAfterSeconds, String message) {
    ctx.response().putHeader("retry-after", Integer.toString(retryAfterSeconds));
    error(ctx, TOO_MANY, message);
  }

  /**
   * @param ctx the request
   * @param status the HTTP status
   * @param message the error
   */
  public static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("content-type", JSON)
        .end(new JsonObject().put("error", message).encode());
  }

  /**
   * Answers 200 with a JSON body.
   *
   * @param ctx the request
   * @param body the body
   */
  public static void json(RoutingContext ctx, Object body) {
    ctx.response().setStatusCode(OK).putHeader("content-type", JSON)
        .end(body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body));
  }
}
