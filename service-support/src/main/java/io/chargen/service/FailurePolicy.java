package io.chargen.service;

import java.time.Duration;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Decides what the {@link RecordLoop} does with a failure, following Kafka's {@code examples/Consumer.java}: a bad
 * record goes to the dead-letter topic at once; fatal errors (ours, authentication, authorization, unsupported
 * version) stop the service; anything else is taken as transient and retried with exponential backoff, then
 * dead-lettered. A plain class, so the decisions are unit-tested without a broker.
 *
 * @param maxAttempts attempts in all, the first included, before a transient failure is dead-lettered
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff cap of the doubling wait
 */
public record FailurePolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** Exception chains deeper than this are not searched (a cycle guard). */
  private static final int MAX_CAUSE_DEPTH = 16;

  /**
   * The default: 5 attempts, 200 ms doubling to 5 s, i.e. about 3 s of retries — well inside the consumer's
   * {@code max.poll.interval.ms} (5 min) even for a full batch.
   */
  public static final FailurePolicy DEFAULT = new FailurePolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));

  /** Validates the numbers. */
  public FailurePolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff " + initialBackoff + ".." + maxBackoff + " is not a range");
    }
  }

  /** What to do with a failed record. */
  public sealed interface Decision permits Retry, DeadLetter, Fatal {}

  /** Try the record again after a wait. @param delay the wait */
  public record Retry(Duration delay) implements Decision {}

  /**
   * Send the record to the dead-letter topic, then commit and go on.
   *
   * @param outcome the metrics outcome: {@code INVALID} for a bad record, {@code ERROR} for exhausted retries
   * @param reason the error text for the header
   */
  public record DeadLetter(RecordOutcome outcome, String reason) implements Decision {}

  /** Stop the service. @param cause the error */
  public record Fatal(Throwable cause) implements Decision {}

  /**
   * @param error the failure of attempt {@code attempt}
   * @param attempt 1 for the first attempt
   * @return what to do next
   */
  public Decision decide(Throwable error, int attempt) {
    if (isFatal(error)) {
      return new Fatal(error);
    }
    BadRecordException bad = find(error, BadRecordException.class);
    if (bad != null) {
      return new DeadLetter(RecordOutcome.INVALID, bad.getMessage());
    }
    RecordTooLargeException tooLarge = find(error, RecordTooLargeException.class);
    if (tooLarge != null) { // what this record makes will never fit: retrying cannot help
      return new DeadLetter(RecordOutcome.INVALID, "output too large: " + tooLarge.getMessage());
    }
    if (attempt >= maxAttempts) {
      return new DeadLetter(RecordOutcome.ERROR, "gave up after " + attempt + " attempts: " + describe(error));
    }
    return new Retry(backoff(attempt));
  }

  /**
   * @param attempt the attempt that failed, 1-based
   * @return initialBackoff · 2^(attempt−1), capped at maxBackoff
   */
  public Duration backoff(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 30);
    long millis = initialBackoff.toMillis() * factor;
    return millis > maxBackoff.toMillis() || millis < 0 ? maxBackoff : Duration.ofMillis(millis);
  }

  /**
   * @param error a failure
   * @return whether it, or a cause, is one the service cannot get past by retrying
   */
  public static boolean isFatal(Throwable error) {
    return find(error, FatalException.class) != null
        || find(error, AuthenticationException.class) != null
        || find(error, AuthorizationException.class) != null
        || find(error, UnsupportedVersionException.class) != null;
  }

  /** @return the exception's class and message, for headers and logs */
  static String describe(Throwable error) {
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    Throwable e = error;
    for (int depth = 0; e != null && depth < MAX_CAUSE_DEPTH; depth++, e = e.getCause()) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
    return null;
  }
}
