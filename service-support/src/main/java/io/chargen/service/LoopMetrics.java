package io.chargen.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of one {@link RecordLoop}, named once for every service so dashboards and alerts can sum across them:
 * {@code chargen.records{service,topic,outcome}}, {@code chargen.records.retries{service,topic}} and
 * {@code chargen.commits.failed{service,topic}}. The {@code service} tag is the registry's common tag
 * ({@link MeterBinders#bindJvm}); the others are the input topic and a fixed outcome.
 */
public final class LoopMetrics {
  /** Records taken from an input topic, by outcome. */
  public static final String RECORDS = "chargen.records";
  /** Attempts repeated after a transient failure. */
  public static final String RETRIES = "chargen.records.retries";
  /** Failed offset commits. */
  public static final String COMMITS_FAILED = "chargen.commits.failed";

  private final MeterRegistry registry;
  private final String topic;

  /**
   * @param registry where to register (its common tags carry {@code service})
   * @param topic the input topic
   */
  public LoopMetrics(MeterRegistry registry, String topic) {
    this.registry = registry;
    this.topic = topic;
    for (RecordOutcome outcome : RecordOutcome.values()) {
      records(outcome); // registered up front so dashboards see zeros
    }
    retries();
    commitFailures();
  }

  /** @return the counter of records with this outcome */
  public Counter records(RecordOutcome outcome) {
    return Counter.builder(RECORDS)
        .description("Records taken from an input topic, by outcome (ok, invalid = dead-lettered bad record, "
            + "error = dead-lettered after retries)")
        .tag("topic", topic)
        .tag("outcome", outcome.tag())
        .register(registry);
  }

  /** @return the counter of retried attempts */
  public Counter retries() {
    return Counter.builder(RETRIES)
        .description("Attempts repeated after a transient failure")
        .tag("topic", topic)
        .register(registry);
  }

  /** @return the counter of failed offset commits (the records are then redelivered; handlers are idempotent) */
  public Counter commitFailures() {
    return Counter.builder(COMMITS_FAILED)
        .description("Offset commits that failed, e.g. during a rebalance")
        .tag("topic", topic)
        .register(registry);
  }
}
