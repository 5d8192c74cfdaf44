package io.chargen.generator;

import io.chargen.model.CharModel;
import io.chargen.model.Names;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.GenerationRequest;
import io.chargen.service.ConceptStore;
import io.chargen.service.ServiceApi;
import io.chargen.service.ServiceHttp;
import io.chargen.service.Tracing;
import io.chargen.service.security.BearerAuth;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard API: {@code POST /v1/generations} (validate, publish the request, 202 with its id),
 * {@code GET /v1/generations/{id}}, the {@code /v1/stream} WebSocket ({@code GET /v1/concepts} is the shared
 * {@code ConceptsApi}), and the live
 * dashboard at {@code /dashboard/} (static files from {@code webroot/dashboard} on the class path; {@code /}
 * redirects there).
 */
final class GenerationsApi {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationsApi.class);
  private static final int ACCEPTED = 202;
  private static final int UNAVAILABLE = 503;
  /** Requests accepted and not done above which new ones are refused (429): a few seconds of heavy work. */
  static final int MAX_PENDING_REQUESTS = 200;
  private static final int RETRY_AFTER_SECONDS = 2;
  /** Largest request body: a mix of every concept with long labels is far below 64 KiB. */
  private static final long MAX_BODY_BYTES = 64 * 1024;
  /** Trajectories a dashboard just opened gets for its live feed (its feed keeps 30). */
  private static final int RECENT_DEFAULT = 30;
  /**
   * The most it may ask: bounds the body (a 2,000-step trajectory is ~120 KB of JSON, so at most ~12 MB) whatever
   * the cache holds.
   */
  static final int RECENT_MAX = 100;
  /** Where the dashboard is served: plain HTML, JS and CSS using this API. */
  static final String DASHBOARD = "/dashboard/";

  private final ConceptStore store;
  private final GenerationCache cache;
  private final StreamHub hub;
  private final GeneratorMetrics metrics;
  private final BooleanSupplier ready;
  private final Publisher publish;

  /** Publishes a validated request. */
  @FunctionalInterface
  interface Publisher {
    /**
     * @param request the request
     * @param heavy whether it goes to the heavy lane
     * @param trace the HTTP request's trace context, carried in the record's headers
     * @return completes on the broker's acknowledgement
     */
    Future<Void> publish(GenerationRequest request, boolean heavy, Context trace);
  }

  GenerationsApi(ConceptStore store, GenerationCache cache, StreamHub hub, GeneratorMetrics metrics,
      BooleanSupplier ready, Publisher publish) {
    this.store = store;
    this.cache = cache;
    this.hub = hub;
    this.metrics = metrics;
    this.ready = ready;
    this.publish = publish;
  }

  /**
   * @param api where to bind the operations of {@code generator.openapi.yaml} and the {@code /v1/stream} WebSocket
   * @param router where to add the dashboard's pages, which are public: the dashboard asks for a token itself
   */
  void mount(ServiceApi api, Router router) {
    api.bodyLimit(MAX_BODY_BYTES)
        .operation("postGeneration", this::create)
        .operation("getRecentGenerations", this::recent)
        .operation("getGeneration", this::get)
        .webSocket("/v1/stream", ctx -> ctx.request().toWebSocket()
            .onSuccess(ws -> hub.join(BearerAuth.caller(ctx).tenant(), ws))
            .onFailure(e -> LOG.warn("WebSocket upgrade of /v1/stream failed: {}", e.getMessage())));
    router.get("/").handler(ctx -> ctx.redirect(DASHBOARD));
    router.get(DASHBOARD + "*").handler(ServiceHttp.pageAuthScript())
        .handler(StaticHandler.create("webroot/dashboard"));
  }

  private void create(RoutingContext ctx) {
    if (!ready.getAsBoolean()) {
      metrics.requests(GeneratorMetrics.Outcome.REFUSED).increment();
      ServiceHttp.unavailable(ctx, RETRY_AFTER_SECONDS, "the generator cannot reach Kafka or is still reading "
          + "chargen.concepts (see /health); nothing was published");
      return;
    }
    String tenant = BearerAuth.caller(ctx).tenant();
    CharModel model = store.model(tenant); // the shared base and this tenant's concepts, no other tenant's
    GenerationSpec spec;
    try {
      spec = NaturalLength.fill(GenerationJson.parse(ctx.body().asString()), store.state(), tenant, model)
          .validate(model.concepts());
      GenerationBudget.check(spec, model.weights().hidden());
    } catch (IllegalArgumentException e) {
      metrics.requests(GeneratorMetrics.Outcome.INVALID).increment();
      ServiceHttp.badRequest(ctx, e.getMessage());
      return;
    }
    int pending = cache.pending();
    if (pending >= MAX_PENDING_REQUESTS) {
      metrics.requests(GeneratorMetrics.Outcome.REFUSED).increment();
      ServiceHttp.tooManyRequests(ctx, RETRY_AFTER_SECONDS, pending + " generation requests are waiting (bound "
          + MAX_PENDING_REQUESTS + "); nothing was published");
      return;
    }
    String id = UUID.randomUUID().toString();
    String key = TenantKeys.key(tenant, id);
    cache.expect(key, spec.variants()); // a GET right after the 202 says pending, not 404
    publish.publish(GenerationProcessor.toProto(spec, tenant, id), GenerationBudget.heavy(spec,
        model.weights().hidden()), Tracing.of(ctx))
        .onSuccess(v -> {
          metrics.requests(GeneratorMetrics.Outcome.ACCEPTED).increment();
          ctx.response().setStatusCode(ACCEPTED).putHeader("content-type", "application/json")
              .putHeader("location", "/v1/generations/" + id)
              .end(new JsonObject().put("id", id).encode());
        })
        .onFailure(e -> {
          metrics.requests(GeneratorMetrics.Outcome.ERROR).increment();
          LOG.warn("publishing generation request {} failed", id, e);
          cache.fail(key, "not published: " + e.getMessage());
          ServiceHttp.error(ctx, UNAVAILABLE, "could not publish the request: " + e.getMessage());
        });
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    cache.status(BearerAuth.caller(ctx).tenant(), id).ifPresentOrElse(json -> ServiceHttp.json(ctx, json),
        () -> ServiceHttp.notFound(ctx, "generation " + Names.excerpt(id) + " is not known here (unknown, another"
            + " tenant's, or older than the last "
            + GenerationCache.MAX_REQUESTS + " requests, or dropped to keep the cache under "
            + GenerationCache.MAX_BYTES / (1024 * 1024) + " MiB)"));
  }

  /** The newest trajectories, for the live feed of a dashboard just opened. */
  private void recent(RoutingContext ctx) {
    String limit = ctx.queryParams().get("limit");
    int n;
    try {
      n = limit == null ? RECENT_DEFAULT : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > RECENT_MAX) {
      ServiceHttp.badRequest(ctx, "limit = " + limit + " is not an integer in 1.." + RECENT_MAX);
      return;
    }
    ServiceHttp.json(ctx, new JsonObject().put("trajectories", cache.recent(BearerAuth.caller(ctx).tenant(), n)));
  }
}
