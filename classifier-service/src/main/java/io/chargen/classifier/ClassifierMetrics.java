package io.chargen.classifier;

import io.chargen.service.BadRecordException;
import io.chargen.service.RecordOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classifier's own meters: {@code classifier.queries{outcome=ok|invalid|error}} (one count per query, by its
 * final outcome) and {@code classifier.classification.duration{method}} (time to classify one transformed query).
 * Record-level outcomes and retries are also counted by the record loop as {@code classifier.records}.
 */
public final class ClassifierMetrics {
  private final MeterRegistry registry;
  private final Timer classification;
  private final int maxAttempts;
  /** Failed attempts of queries still being retried, by record position; a query's entry goes when it is decided. */
  private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();

  /**
   * @param registry where to register
   * @param method the method name, the timer's only tag (a handful of values)
   * @param maxAttempts the record loop's attempts per query: the last failed one makes the query an error
   */
  public ClassifierMetrics(MeterRegistry registry, String method, int maxAttempts) {
    this.registry = registry;
    this.maxAttempts = maxAttempts;
    this.classification = Timer.builder("classifier.classification.duration")
        .description("Time to classify one transformed query among the learned concepts")
        .tag("method", method)
        .publishPercentileHistogram()
        .register(registry);
    for (RecordOutcome outcome : RecordOutcome.values()) {
      queries(outcome); // registered up front so dashboards see zeros
    }
  }

  /** @param millis the classification time of one answered query */
  public void classified(double millis) {
    classification.record(Duration.ofNanos((long) (millis * 1e6)));
  }

  /** @param position the query's record position: its answer was published */
  public void answered(String position) {
    failedAttempts.remove(position);
    queries(RecordOutcome.OK).increment();
  }

  /**
   * Counts a failed attempt: a bad query at once as {@code invalid}, a transient failure as {@code error} when it
   * was the last attempt (the loop then dead-letters the query).
   *
   * @param position the query's record position
   * @param error why the attempt failed
   */
  public void failed(String position, Throwable error) {
    if (error instanceof BadRecordException) {
      failedAttempts.remove(position);
      queries(RecordOutcome.INVALID).increment();
      return;
    }
    if (failedAttempts.merge(position, 1, Integer::sum) >= maxAttempts) {
      failedAttempts.remove(position);
      queries(RecordOutcome.ERROR).increment();
    }
  }

  /**
   * @param outcome a query's final outcome
   * @return its counter
   */
  public Counter queries(RecordOutcome outcome) {
    return Counter.builder("classifier.queries")
        .description("Queries taken, by outcome (ok = answered, invalid = bad query dead-lettered, error = "
            + "dead-lettered after retries, e.g. no concepts learned yet)")
        .tag("outcome", outcome.tag())
        .register(registry);
  }
}
