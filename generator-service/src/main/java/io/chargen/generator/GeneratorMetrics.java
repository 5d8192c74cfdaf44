package io.chargen.generator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The generator's own meters: {@code generator.requests{outcome=accepted|invalid|error}} (HTTP requests),
 * {@code generator.generation.duration} (time to generate one trajectory), {@code generator.trajectories.published}
 * and the gauge {@code generator.stream.sessions}. Record-level outcomes and retries of the worker are counted by
 * the record loop as {@code generator.records}.
 */
public final class GeneratorMetrics {
  /** What happened to a {@code POST /v1/generations}. */
  public enum Outcome {
    /** Published, answered 202. */
    ACCEPTED,
    /** Rejected with 400. */
    INVALID,
    /** Refused with 429/503 before publishing: backlog full or broker unreachable. */
    REFUSED,
    /** The publish failed, answered 503. */
    ERROR;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final Timer generation;
  private final Counter published;

  /**
   * @param registry where to register
   * @param sessions the number of open stream sessions
   * @param cacheBytes the generation cache's size in bytes
   */
  public GeneratorMetrics(MeterRegistry registry, Supplier<Number> sessions, Supplier<Number> cacheBytes) {
    this.registry = registry;
    this.generation = Timer.builder("generator.generation.duration")
        .description("Time to generate one trajectory (Fabi et al. 2020, Sec. 3.2)")
        .publishPercentileHistogram()
        .register(registry);
    this.published = Counter.builder("generator.trajectories.published")
        .description("Generated trajectories acknowledged by chargen.generations")
        .register(registry);
    Gauge.builder("generator.stream.sessions", sessions)
        .description("Dashboards connected to the /v1/stream WebSocket")
        .register(registry);
    Gauge.builder("generator.cache.size", cacheBytes).baseUnit("bytes")
        .description("Serialized size of the generations this replica keeps for GET /v1/generations/{id}")
        .register(registry);
    for (Outcome outcome : Outcome.values()) {
      requests(outcome);
    }
  }

  /** @return the per-trajectory timer */
  public Timer generation() {
    return generation;
  }

  /** @return the counter of published trajectories */
  public Counter published() {
    return published;
  }

  /**
   * @param outcome what happened to an HTTP generation request
   * @return its counter
   */
  public Counter requests(Outcome outcome) {
    return Counter.builder("generator.requests")
        .description("POST /v1/generations requests, by outcome (accepted, invalid, refused, error)")
        .tag("outcome", outcome.tag())
        .register(registry);
  }
}
