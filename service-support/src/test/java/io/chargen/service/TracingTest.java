package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TracingTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @Test
  @DisplayName("off by default, a record's trace context still reaches what its processing produces")
  void offCarriesContext() {
    Headers in = new RecordHeaders().add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8));
    Span span = Tracing.fromEnv(new Env(Map.of()), "test").startProcessing("t", in);
    Headers out = new RecordHeaders();
    Tracing.carry(in, out);
    span.end();
    assertThat(traceparent(out)).startsWith("00-" + TRACE_ID + "-");
  }

  @Test
  @DisplayName("on, processing starts a child span: same trace, a new span id, sampled")
  void onStartsChildSpan() {
    Headers in = new RecordHeaders().add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8));
    Tracing tracing = Tracing.fromEnv(new Env(Map.of(Tracing.EXPORTER_VARIABLE, "logging")), "test");
    Span span = tracing.startProcessing("t", in);
    span.end();
    assertThat(span.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
    assertThat(traceparent(in)).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7")
        .matches(".*-0[13]");
  }

  @Test
  @DisplayName("a record without trace context starts a new trace only when tracing is on")
  void newTraceOnlyWhenOn() {
    Headers off = new RecordHeaders();
    Tracing.off().startProcessing("t", off).end();
    assertThat(off.lastHeader("traceparent")).isNull();
    Headers on = new RecordHeaders();
    Tracing.fromEnv(new Env(Map.of(Tracing.EXPORTER_VARIABLE, "logging")), "test").startProcessing("t", on).end();
    assertThat(traceparent(on)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]"); // sampled (01), maybe random id (02)
  }

  private static String traceparent(Headers headers) {
    return new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8);
  }
}
