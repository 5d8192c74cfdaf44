package io.chargen.learner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The learner's own meters: {@code learner.oneshot.duration{kind=letter|style}} (time to learn one code: a letter
 * from one example, or a writer's style from all their style examples, issue 7) and
 * {@code learner.examples{outcome=learned|skipped|invalid}}. Record-level outcomes and retries are counted by the
 * record loop as {@code learner.records}.
 */
public final class LearnerMetrics {
  private final MeterRegistry registry;

  /** @param registry where to register */
  public LearnerMetrics(MeterRegistry registry) {
    this.registry = registry;
    oneShot(false);
    oneShot(true);
    for (ExampleProcessor.Outcome outcome : ExampleProcessor.Outcome.values()) {
      examples(outcome);
    }
  }

  /**
   * @param style whether a writer's style was learned rather than a letter
   * @return the one-shot timer of that kind
   */
  public Timer oneShot(boolean style) {
    return Timer.builder("learner.oneshot.duration")
        .description("Time to learn one concept's code: a letter from one example (Fabi et al. 2020, Sec. 3.1) or "
            + "a writer's style from their examples")
        .tag("kind", style ? "style" : "letter")
        .publishPercentileHistogram()
        .register(registry);
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
