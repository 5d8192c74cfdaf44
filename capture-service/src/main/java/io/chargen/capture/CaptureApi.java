package io.chargen.capture;

import io.chargen.capture.CaptureMetrics.Endpoint;
import io.chargen.capture.CaptureMetrics.Outcome;
import io.chargen.capture.CaptureProcessor.Kind;
import io.chargen.proto.TenantKeys;
import io.chargen.service.ServiceApi;
import io.chargen.service.ServiceHttp;
import io.chargen.service.Tracing;
import io.chargen.service.security.BearerAuth;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The HTTP API: {@code POST /v1/examples} and {@code POST /v1/queries} (202 {@code {"id"}} once the broker
 * acknowledged, 400 {@code {"error"}} naming the bad field and value, 415 for a multipart body, 429/503 with
 * {@code Retry-After} when {@link CaptureSubmissions} refuses) and {@code GET /v1/queries/{id}} (200 with the
 * classification, 202 {@code {"id","status":"pending"}}, 422 {@code {"id","status":"failed","error"}} when the
 * classifier dead-lettered it, 404 unknown, another tenant's or older than {@value QueryResults#RETENTION_MINUTES}
 * minutes), bound to the operations of {@code capture.openapi.yaml} (a tablet token; its tenant owns the input, its
 * {@code writers} claim limits the writer names: 403 otherwise), and the web capture pad at {@code /pad/} (static files from {@code webroot/pad}; {@code /} redirects there).
 */
final class CaptureApi {
  /** Largest body: {@code TrajectoryLimits.MAX_POINTS} points of ~100 bytes each, with room to spare. */
  static final long MAX_BODY_BYTES = 1024 * 1024;
  private static final int ACCEPTED = 202;
  private static final int FAILED = 422;
  /** Where the capture pad is served: plain HTML, JS and CSS talking to {@code /v1/pen}. */
  static final String PAD = "/pad/";

  private final PenInputValidator validator;
  private final CaptureSubmissions submissions;
  private final CaptureMetrics metrics;

  CaptureApi(PenInputValidator validator, CaptureSubmissions submissions, CaptureMetrics metrics) {
    this.validator = validator;
    this.submissions = submissions;
    this.metrics = metrics;
  }

  /**
   * @param api where to bind the operations (JSON only, bounded bodies and the token are the {@link ServiceApi}'s)
   * @param router where to add the pad's pages, which are public: the pad asks for a token itself
   */
  void mount(ServiceApi api, Router router) {
    api.bodyLimit(MAX_BODY_BYTES)
        .operation("postExample", ctx -> submit(ctx, Kind.EXAMPLE, Endpoint.EXAMPLES))
        .operation("postQuery", ctx -> submit(ctx, Kind.QUERY, Endpoint.QUERIES))
        .operation("getQuery", this::result);
    router.get("/").handler(ctx -> ctx.redirect(PAD));
    router.get(PAD + "*").handler(ServiceHttp.pageAuthScript()).handler(StaticHandler.create("webroot/pad"));
  }

  private void submit(RoutingContext ctx, Kind kind, Endpoint endpoint) {
    PenInput input;
    try {
      input = validator.parse(ctx.body().asString(), kind == Kind.EXAMPLE);
    } catch (InvalidPenInputException e) {
      metrics.requests(endpoint, Outcome.INVALID).increment();
      ServiceHttp.badRequest(ctx, e.getMessage());
      return;
    }
    if (!BearerAuth.permits(ctx, input.writer())) {
      metrics.requests(endpoint, Outcome.INVALID).increment();
      return;
    }
    submissions.submit(kind, BearerAuth.caller(ctx).tenant(), input, endpoint, Tracing.of(ctx))
        .onSuccess(id -> ctx.response().setStatusCode(ACCEPTED).putHeader("content-type", "application/json")
            .end(new JsonObject().put("id", id).encode()))
        .onFailure(e -> refused(ctx, e));
  }

  static void refused(RoutingContext ctx, Throwable e) {
    int status = e instanceof CaptureSubmissions.Refused r ? r.status() : 503;
    if (status == 429) {
      ServiceHttp.tooManyRequests(ctx, CaptureSubmissions.RETRY_AFTER_SECONDS, e.getMessage());
    } else {
      ServiceHttp.unavailable(ctx, CaptureSubmissions.RETRY_AFTER_SECONDS, e.getMessage());
    }
  }

  private void result(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    QueryResults results = submissions.results();
    String key = TenantKeys.key(BearerAuth.caller(ctx).tenant(), id); // another tenant's query id is unknown here
    switch (results.state(key)) {
      case ANSWERED -> {
        metrics.requests(Endpoint.QUERY_RESULT, Outcome.OK).increment();
        ServiceHttp.json(ctx, CaptureProcessor.toJson(results.answer(key).orElseThrow().result()));
      }
      case PENDING -> {
        metrics.requests(Endpoint.QUERY_RESULT, Outcome.OK).increment();
        ctx.response().setStatusCode(ACCEPTED).putHeader("content-type", "application/json")
            .end(new JsonObject().put("id", id).put("status", "pending").encode());
      }
      case FAILED -> {
        metrics.requests(Endpoint.QUERY_RESULT, Outcome.OK).increment();
        ctx.response().setStatusCode(FAILED).putHeader("content-type", "application/json")
            .end(new JsonObject().put("id", id).put("status", "failed")
                .put("error", results.answer(key).orElseThrow().error()).encode());
      }
      default -> {
        metrics.requests(Endpoint.QUERY_RESULT, Outcome.INVALID).increment();
        ServiceHttp.notFound(ctx, "query id " + io.chargen.model.Names.excerpt(id) + " is unknown (or older than "
            + QueryResults.RETENTION_MINUTES + " minutes)");
      }
    }
  }
}
