package io.chargen.service;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.LoggerFactory;

/** Logs one line about a record and one without, in a JVM of its own, for {@link LoggingConfigTest}. */
public final class LogProbeMain {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";

  private LogProbeMain() {}

  public static void main(String[] args) {
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("chargen.queries", 3, 42L, "q-1", new byte[0]);
    SpanContext span = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
    RecordMdc.run(record, span, () -> LoggerFactory.getLogger("io.chargen.probe").warn("about {}",
        RecordAttempts.position(record)));
    LoggerFactory.getLogger("io.chargen.probe").info("outside", new IllegalStateException("boom"));
    System.out.println("stdout stays clean");
  }
}
