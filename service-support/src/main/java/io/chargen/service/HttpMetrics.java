package io.chargen.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code chargen.http.requests{method,route,status}}: the time from request to response end of every HTTP request,
 * tagged with the route's pattern ({@code /v1/queries/:id}, never the id itself), so cardinality stays at routes ×
 * statuses. WebSocket upgrades are timed to the upgrade.
 */
final class HttpMetrics implements Handler<RoutingContext> {
  /** The meter name. */
  static final String NAME = "chargen.http.requests";
  private final MeterRegistry registry;

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(ar -> {
      Route route = ctx.currentRoute();
      String path = route == null || route.getPath() == null ? "other" : route.getPath();
      Timer.builder(NAME)
          .description("HTTP requests by method, route pattern and status")
          .tag("method", ctx.request().method().name())
          .tag("route", path)
          .tag("status", Integer.toString(ctx.response().getStatusCode()))
          .register(registry)
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    });
    ctx.next();
  }
}
