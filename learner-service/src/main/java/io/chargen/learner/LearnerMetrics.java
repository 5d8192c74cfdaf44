package io.chargen.learner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The learner's own meters: {@code learner.oneshot.duration} (time to learn one code) and
 * {@code learner.examples{outcome=learned|skipped|invalid}}. Record-level outcomes and retries are counted by the
 * record loop as {@code learner.records}.
 */
public final class LearnerMetrics {
  private final Timer oneShot;
  private final MeterRegistry registry;

  /** @param registry where to register */
  public LearnerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.oneShot = Timer.builder("learner.oneshot.duration")
        .description("Time to learn one concept's code from one example (Fabi et al. 2020, Sec. 3.1)")
        .publishPercentileHistogram()
        .register(registry);
    for (ExampleProcessor.Outcome outcome : ExampleProcessor.Outcome.values()) {
      examples(outcome);
    }
  }

  /** @return the one-shot timer */
  public Timer oneShot() {
    return oneShot;
  }

  /**
   * @param outcome what happened to an example
   * @return its counter
   */
  public Counter examples(ExampleProcessor.Outcome outcome) {
    return Counter.builder("learner.examples")
        .description("Labelled examples taken, by outcome (learned, skipped = already learned, invalid)")
        .tag("outcome", outcome.tag())
        .register(registry);
  }
}
