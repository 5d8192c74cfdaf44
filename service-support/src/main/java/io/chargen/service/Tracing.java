package io.chargen.service;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * OpenTelemetry trace context from an HTTP request through Kafka headers to the result: a server span per request
 * (W3C {@code traceparent} of the caller as parent), the context written into the headers of what the request
 * publishes, a consumer span per record processed with the record's context as parent, and that span's context in
 * the headers of what the record produces. Off by default: then no spans are recorded or exported, but a caller's
 * {@code traceparent} is still carried through unchanged. On when {@value #EXPORTER_VARIABLE} names an exporter
 * ({@code otlp}, {@code logging}, …), configured by the standard {@code OTEL_*} variables (autoconfigure).
 */
public final class Tracing {
  /** The standard OpenTelemetry variable choosing the span exporter; unset or {@code none}: tracing off. */
  public static final String EXPORTER_VARIABLE = "OTEL_TRACES_EXPORTER";
  private static final String CONTEXT_KEY = "otel.context";
  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Headers> KAFKA_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers headers) {
      return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
    }

    @Override
    public String get(Headers headers, String key) {
      Header h = headers == null ? null : headers.lastHeader(key);
      return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
  };
  private static final TextMapGetter<RoutingContext> HTTP_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(RoutingContext ctx) {
      return ctx.request().headers().names();
    }

    @Override
    public String get(RoutingContext ctx, String key) {
      return ctx == null ? null : ctx.request().getHeader(key);
    }
  };

  private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;

  private Tracing(OpenTelemetry otel) {
    this.tracer = otel.getTracer("io.chargen");
  }

  /** @return tracing off: context carried through, nothing recorded */
  public static Tracing off() {
    return new Tracing(OpenTelemetry.propagating(ContextPropagators.create(W3C)));
  }

  /**
   * @param env the environment
   * @param service {@code service.name} of the spans
   * @return tracing as {@value #EXPORTER_VARIABLE} asks
   */
  public static Tracing fromEnv(Env env, String service) {
    String exporter = env.string(EXPORTER_VARIABLE, "none");
    if (exporter.equalsIgnoreCase("none")) {
      return off();
    }
    return new Tracing(AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> Map.of("otel.service.name", service, "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none", "otel.traces.exporter", exporter))
        .disableShutdownHook()
        .build().getOpenTelemetrySdk());
  }

  /** @return a router handler starting a server span per request; {@link #of(RoutingContext)} reads its context */
  public Handler<RoutingContext> http() {
    return ctx -> {
      Context parent = W3C.extract(Context.root(), ctx, HTTP_GETTER);
      Span span = tracer.spanBuilder(ctx.request().method().name() + " " + ctx.request().path())
          .setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
      ctx.put(CONTEXT_KEY, parent.with(span));
      ctx.addEndHandler(ar -> {
        span.setAttribute("http.response.status_code", ctx.response().getStatusCode());
        if (ctx.response().getStatusCode() >= 500) {
          span.setStatus(StatusCode.ERROR);
        }
        span.end();
      });
      ctx.next();
    };
  }

  /** @param ctx a request @return its server span's context (root if tracing did not see it) */
  public static Context of(RoutingContext ctx) {
    Context context = ctx.get(CONTEXT_KEY);
    return context == null ? Context.root() : context;
  }

  /**
   * The trace context a client sends inside a message rather than as headers (a WebSocket carries headers only on
   * its upgrade).
   *
   * @param traceparent W3C {@code traceparent}, or null
   * @param tracestate W3C {@code tracestate}, or null
   * @param fallback the context when {@code traceparent} is absent or not valid W3C
   * @return the context to publish with
   */
  public static Context parse(String traceparent, String tracestate, Context fallback) {
    if (traceparent == null) {
      return fallback;
    }
    Map<String, String> carrier = tracestate == null ? Map.of("traceparent", traceparent)
        : Map.of("traceparent", traceparent, "tracestate", tracestate);
    Context parsed = W3C.extract(Context.root(), carrier, MAP_GETTER);
    return Span.fromContext(parsed).getSpanContext().isValid() ? parsed : fallback;
  }

  /** @param context a span's context @param headers record headers to carry it */
  public static void inject(Context context, Headers headers) {
    W3C.inject(context, headers, (h, key, value) -> {
      h.remove(key);
      h.add(key, value.getBytes(StandardCharsets.UTF_8));
    });
  }

  /**
   * Starts the consumer span of one record and writes its context into the record's headers, so what the handler
   * produces with {@link #carry} continues the trace.
   *
   * @param topic the record's topic
   * @param headers the record's headers (mutable)
   * @return the span, to end when the record is done
   */
  Span startProcessing(String topic, Headers headers) {
    Context parent = W3C.extract(Context.root(), headers, KAFKA_GETTER);
    Span span = tracer.spanBuilder("process " + topic).setParent(parent).setSpanKind(SpanKind.CONSUMER).startSpan();
    inject(parent.with(span), headers);
    return span;
  }

  /**
   * @param headers a record's headers
   * @return the trace context they carry (W3C {@code traceparent}), invalid when none
   */
  public static SpanContext spanContext(Headers headers) {
    return Span.fromContext(W3C.extract(Context.root(), headers, KAFKA_GETTER)).getSpanContext();
  }

  /** @param from the record being processed @param to a record it produces: gets the same trace headers */
  public static void carry(Headers from, Headers to) {
    for (String key : List.of("traceparent", "tracestate")) {
      Header h = from.lastHeader(key);
      if (h != null) {
        to.remove(key);
        to.add(key, h.value());
      }
    }
  }
}
