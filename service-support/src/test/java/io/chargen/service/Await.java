package io.chargen.service;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition in integration tests, failing with a description when it does not hold in time. */
public final class Await {
  private static final long STEP_MS = 50;

  private Await() {}

  /**
   * @param timeout how long to wait
   * @param what the condition, for the failure message
   * @param condition the condition
   */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(STEP_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /**
   * @param future a Vert.x future
   * @param timeout how long to wait
   * @param <T> its type
   * @return its result
   */
  public static <T> T result(io.vertx.core.Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(),
          java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete within " + timeout, e);
    }
  }

  /** @return a supplier's value once non-null */
  static <T> T value(Duration timeout, String what, Supplier<T> supplier) {
    Object[] box = new Object[1];
    until(timeout, what, () -> (box[0] = supplier.get()) != null);
    @SuppressWarnings("unchecked")
    T t = (T) box[0];
    return t;
  }
}
