package io.chargen.service;

import io.opentelemetry.api.trace.SpanContext;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * The logging context (SLF4J {@link MDC}) of one record: while code about a record runs, every log line carries where
 * the record is and which trace it belongs to, as fields of the JSON format ({@link LogFormat}). Field names follow
 * the Elastic Common Schema. MDC is per thread and this code is asynchronous, so the context is set around each
 * synchronous step that may log (a handler's call, the loop's retry and dead-letter lines, a follower's reader), not
 * across callbacks; a handler that logs from another thread wraps that step in {@link #call} itself.
 */
public final class RecordMdc {
  /** The record's topic. */
  public static final String TOPIC = "kafka.topic";
  /** Its partition. */
  public static final String PARTITION = "kafka.partition";
  /** Its offset. */
  public static final String OFFSET = "kafka.offset";
  /** Its key, cut at {@value #MAX_KEY_CHARS} characters (keys come from clients). */
  public static final String KEY = "kafka.key";
  /** The W3C trace id it carries (absent when it carries none). */
  public static final String TRACE_ID = "trace.id";
  /** The id of the span processing it (absent when it carries no trace). */
  public static final String SPAN_ID = "span.id";
  /** Key characters logged: enough to find the record, bounded against hostile keys. */
  static final int MAX_KEY_CHARS = 64;

  private RecordMdc() {}

  /**
   * Runs {@code body} with the record's fields in the MDC, restoring what was there before.
   *
   * @param record the record
   * @param span the span processing it, or {@link SpanContext#getInvalid()}
   * @param body the step
   * @param <T> its result
   * @return the step's result
   */
  public static <T> T call(ConsumerRecord<?, ?> record, SpanContext span, Supplier<T> body) {
    java.util.Map<String, String> before = MDC.getCopyOfContextMap();
    try {
      MDC.put(TOPIC, record.topic());
      MDC.put(PARTITION, Integer.toString(record.partition()));
      MDC.put(OFFSET, Long.toString(record.offset()));
      MDC.put(KEY, key(record));
      if (span.isValid()) {
        MDC.put(TRACE_ID, span.getTraceId());
        MDC.put(SPAN_ID, span.getSpanId());
      }
      return body.get();
    } finally {
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }

  /** {@link #call} for a step without a result. */
  public static void run(ConsumerRecord<?, ?> record, SpanContext span, Runnable body) {
    call(record, span, () -> {
      body.run();
      return null;
    });
  }

  /** @return the record's key as logged: at most {@value #MAX_KEY_CHARS} characters, then "…" */
  static String key(ConsumerRecord<?, ?> record) {
    String key = String.valueOf(record.key());
    return key.length() > MAX_KEY_CHARS ? key.substring(0, MAX_KEY_CHARS) + "…" : key;
  }
}
