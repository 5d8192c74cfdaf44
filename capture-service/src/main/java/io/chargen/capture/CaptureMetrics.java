package io.chargen.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The capture service's meters: {@code capture.requests{endpoint,outcome}}, {@code
 * capture.trajectories.published{topic}}, {@code capture.publish.duration{topic}}, {@code capture.websocket.sessions},
 * {@code capture.classifications.read{outcome}} and {@code capture.queries.tracked}. Tags are fixed sets: never an
 * id, label or writer.
 */
public final class CaptureMetrics {
  /** What a request was for; the {@code endpoint} tag. */
  public enum Endpoint {
    /** {@code POST /v1/examples}. */
    EXAMPLES,
    /** {@code POST /v1/queries}. */
    QUERIES,
    /** {@code GET /v1/queries/{id}}. */
    QUERY_RESULT,
    /** One trajectory ended on the {@code /v1/pen} WebSocket. */
    PEN;

    String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** How a request ended; the {@code outcome} tag. */
  public enum Outcome { OK, INVALID, REFUSED, ERROR }

  private final MeterRegistry registry;
  private final AtomicInteger sessions = new AtomicInteger();

  /** @param registry where to register */
  public CaptureMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Endpoint endpoint : Endpoint.values()) {
      for (Outcome outcome : Outcome.values()) {
        requests(endpoint, outcome);
      }
    }
    Gauge.builder("capture.websocket.sessions", sessions, AtomicInteger::get)
        .description("Open /v1/pen WebSocket sessions").register(registry);
  }

  /**
   * @param endpoint what was asked
   * @param outcome how it ended
   * @return the counter
   */
  public Counter requests(Endpoint endpoint, Outcome outcome) {
    return Counter.builder("capture.requests")
        .description("Requests by endpoint and outcome (ok, invalid = rejected input or unknown id, refused = 429/503 "
            + "before publishing: backlog or broker unreachable, error = the publish failed)")
        .tag("endpoint", endpoint.tag())
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  /**
   * @param topic the topic
   * @return trajectories acknowledged by the broker on that topic
   */
  public Counter published(String topic) {
    return Counter.builder("capture.trajectories.published")
        .description("Trajectories whose produce the broker acknowledged, by topic")
        .tag("topic", topic).register(registry);
  }

  /**
   * @param topic the topic
   * @return time from send to acknowledgement
   */
  public Timer publishDuration(String topic) {
    return Timer.builder("capture.publish.duration")
        .description("Time from producing a trajectory to the broker's acknowledgement (acks=all)")
        .tag("topic", topic).publishPercentileHistogram().register(registry);
  }

  /**
   * @param valid whether the record parsed
   * @return classification results read from chargen.classifications
   */
  public Counter classificationsRead(boolean valid) {
    return Counter.builder("capture.classifications.read")
        .description("Classification results read, by outcome (ok, invalid = unparsable or unknown version)")
        .tag("outcome", valid ? "ok" : "invalid").register(registry);
  }

  /**
   * @param size the number of query ids tracked, read on scrape
   * @param pending queries published and not yet answered: the backlog backpressure reads
   */
  public void trackQueries(Supplier<Number> size, Supplier<Number> pending) {
    Gauge.builder("capture.queries.tracked", size).description("Query ids this replica can answer (bounded)")
        .register(registry);
    Gauge.builder("capture.queries.pending", pending)
        .description("Queries published and not yet answered or failed; above the bound capture answers 429")
        .register(registry);
  }

  /** Counts a WebSocket session opening. */
  public void sessionOpened() {
    sessions.incrementAndGet();
  }

  /** Counts a WebSocket session closing. */
  public void sessionClosed() {
    sessions.decrementAndGet();
  }
}
