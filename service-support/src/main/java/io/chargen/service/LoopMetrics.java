package io.chargen.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of one {@link RecordLoop}: {@code <service>.records{topic,outcome}}, {@code <service>.records.retries}
 * and {@code <service>.commits.failed}. Tags are the topic and the outcome only.
 */
public final class LoopMetrics {
  private final MeterRegistry registry;
  private final String service;
  private final String topic;

  /**
   * @param registry where to register
   * @param service metric prefix, e.g. {@code learner}
   * @param topic the input topic
   */
  public LoopMetrics(MeterRegistry registry, String service, String topic) {
    this.registry = registry;
    this.service = service;
    this.topic = topic;
    for (RecordOutcome outcome : RecordOutcome.values()) {
      records(outcome); // registered up front so dashboards see zeros
    }
    retries();
    commitFailures();
  }

  /** @return the counter of records with this outcome */
  public Counter records(RecordOutcome outcome) {
    return Counter.builder(service + ".records")
        .description("Records taken from the input topic, by outcome (ok, invalid = dead-lettered bad record, "
            + "error = dead-lettered after retries)")
        .tag("topic", topic)
        .tag("outcome", outcome.tag())
        .register(registry);
  }

  /** @return the counter of retried attempts */
  public Counter retries() {
    return Counter.builder(service + ".records.retries")
        .description("Attempts repeated after a transient failure")
        .tag("topic", topic)
        .register(registry);
  }

  /** @return the counter of failed offset commits (the records are then redelivered; handlers are idempotent) */
  public Counter commitFailures() {
    return Counter.builder(service + ".commits.failed")
        .description("Offset commits that failed, e.g. during a rebalance")
        .tag("topic", topic)
        .register(registry);
  }
}
