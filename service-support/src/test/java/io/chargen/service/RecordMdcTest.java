package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RecordMdcTest {
  private static final ConsumerRecord<String, byte[]> RECORD =
      new ConsumerRecord<>("chargen.examples", 2, 7L, "n", new byte[0]);

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  @DisplayName("inside the step the record's position, key and trace are in the MDC; after it what was there before")
  void setAndRestored() {
    MDC.put("request", "r-1");
    SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault());

    Map<String, String> inside = RecordMdc.call(RECORD, span, MDC::getCopyOfContextMap);

    assertThat(inside).containsEntry("kafka.topic", "chargen.examples").containsEntry("kafka.partition", "2")
        .containsEntry("kafka.offset", "7").containsEntry("kafka.key", "n")
        .containsEntry("trace.id", "4bf92f3577b34da6a3ce929d0e0e4736").containsEntry("span.id", "00f067aa0ba902b7")
        .containsEntry("request", "r-1");
    assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("request", "r-1"));
  }

  @Test
  @DisplayName("a record without a trace has no trace fields; a long key is cut at 64 characters")
  void noTraceLongKey() {
    ConsumerRecord<String, byte[]> longKey = new ConsumerRecord<>("t", 0, 1L, "k".repeat(100), new byte[0]);

    Map<String, String> inside = RecordMdc.call(longKey, SpanContext.getInvalid(), MDC::getCopyOfContextMap);

    assertThat(inside).doesNotContainKeys("trace.id", "span.id");
    assertThat(inside.get("kafka.key")).isEqualTo("k".repeat(64) + "…");
  }

  @Test
  @DisplayName("the context is removed even when the step throws")
  void removedOnFailure() {
    try {
      RecordMdc.run(RECORD, SpanContext.getInvalid(), () -> {
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("boom");
    }
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }
}
