package io.chargen.capture;

import io.chargen.capture.CaptureMetrics.Endpoint;
import io.chargen.capture.CaptureMetrics.Outcome;
import io.chargen.capture.CaptureProcessor.Kind;
import io.chargen.service.ServiceHttp;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: {@code POST /v1/examples} and {@code POST /v1/queries} (202 {@code {"id"}} once the broker
 * acknowledged, 400 {@code {"error"}} naming the bad field and value, 503 when publishing failed) and
 * {@code GET /v1/queries/{id}} (200 with the classification, 202 {@code {"id","status":"pending"}}, 404 unknown),
 * and the web capture pad at {@code /pad/} (static files from {@code webroot/pad} on the class path; {@code /}
 * redirects there).
 */
final class CaptureApi {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureApi.class);
  /** Largest body: {@value PenInputValidator#MAX_POINTS} points of ~100 bytes each, with room to spare. */
  static final long MAX_BODY_BYTES = 1024 * 1024;
  private static final int ACCEPTED = 202;
  private static final int UNAVAILABLE = 503;
  /** Where the capture pad is served: plain HTML, JS and CSS talking to {@code /v1/pen}. */
  static final String PAD = "/pad/";

  private final PenInputValidator validator;
  private final CaptureProcessor processor;
  private final QueryResults results;
  private final CaptureMetrics metrics;

  CaptureApi(PenInputValidator validator, CaptureProcessor processor, QueryResults results, CaptureMetrics metrics) {
    this.validator = validator;
    this.processor = processor;
    this.results = results;
    this.metrics = metrics;
  }

  /** @param router where to add the routes */
  void mount(Router router) {
    router.post("/v1/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.post("/v1/examples").handler(ctx -> submit(ctx, Kind.EXAMPLE, Endpoint.EXAMPLES));
    router.post("/v1/queries").handler(ctx -> submit(ctx, Kind.QUERY, Endpoint.QUERIES));
    router.get("/v1/queries/:id").handler(this::result);
    router.get("/").handler(ctx -> ctx.redirect(PAD));
    router.get(PAD + "*").handler(StaticHandler.create("webroot/pad"));
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
    processor.submit(kind, input)
        .onSuccess(id -> {
          metrics.requests(endpoint, Outcome.OK).increment();
          ctx.response().setStatusCode(ACCEPTED).putHeader("content-type", "application/json")
              .end(new JsonObject().put("id", id).encode());
        })
        .onFailure(e -> {
          LOG.warn("publishing to {} failed", kind.topic(), e);
          metrics.requests(endpoint, Outcome.ERROR).increment();
          ServiceHttp.error(ctx, UNAVAILABLE, "publishing to " + kind.topic() + " failed: " + e.getMessage());
        });
  }

  private void result(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    switch (results.state(id)) {
      case ANSWERED -> {
        metrics.requests(Endpoint.QUERY_RESULT, Outcome.OK).increment();
        ServiceHttp.json(ctx, CaptureProcessor.toJson(results.result(id).orElseThrow()));
      }
      case PENDING -> {
        metrics.requests(Endpoint.QUERY_RESULT, Outcome.OK).increment();
        ctx.response().setStatusCode(ACCEPTED).putHeader("content-type", "application/json")
            .end(new JsonObject().put("id", id).put("status", "pending").encode());
      }
      default -> {
        metrics.requests(Endpoint.QUERY_RESULT, Outcome.INVALID).increment();
        ServiceHttp.notFound(ctx, "query id = \"" + id + "\" is unknown (or older than the last "
            + QueryResults.MAX_TRACKED_QUERIES + " queries)");
      }
    }
  }
}
