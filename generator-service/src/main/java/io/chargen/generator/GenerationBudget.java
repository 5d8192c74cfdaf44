package io.chargen.generator;

/**
 * What one generation request may cost, counted in output values: {@code variants × steps × (4 + 2H if states)} —
 * the four pen values per step, plus the LSTM's cell and hidden state of H values each when asked. One bound keeps
 * the work of a request, its {@code GET} body and the generation cache bounded; a second keeps every trajectory a
 * Kafka record well under the 1 MiB limit (a float is 4 bytes in protobuf). A request over either is refused with a
 * 400 that names its cost, the budget and what to lower; a record over either (written by anything but our API) is
 * dead-lettered, which the API reports as a failed generation.
 */
final class GenerationBudget {
  /** Values per request: ~4 MB of JSON at ~10 characters a value; 50 variants × 2,000 steps without states fit. */
  static final long MAX_VALUES_PER_REQUEST = 400_000;
  /** Values per trajectory: 800 KB of floats, inside the 1 MiB record limit with the message framing. */
  static final long MAX_VALUES_PER_TRAJECTORY = 200_000;
  /**
   * Requests above this many values count as heavy: they run on their own partitions and worker thread, so light
   * ones (a default request is 1 × ~40 × 4 = 160 values) never wait behind them. 20,000 values take ~50 ms.
   */
  static final long HEAVY_VALUES = 20_000;
  private static final int PEN_VALUES = 4;

  private GenerationBudget() {}

  /** @param spec a request with its step count @param hidden the model's H @return values per trajectory */
  static long perTrajectory(GenerationSpec spec, int hidden) {
    return (long) spec.steps() * (PEN_VALUES + (spec.states() ? 2L * hidden : 0));
  }

  /** @param spec a request with its step count @param hidden the model's H @return values of the whole request */
  static long values(GenerationSpec spec, int hidden) {
    return perTrajectory(spec, hidden) * spec.variants();
  }

  /** @return whether the request goes to the heavy lane */
  static boolean heavy(GenerationSpec spec, int hidden) {
    return values(spec, hidden) > HEAVY_VALUES;
  }

  /**
   * @param spec a request with its step count
   * @param hidden the model's H
   * @throws IllegalArgumentException naming the cost, the budget and what to lower
   */
  static void check(GenerationSpec spec, int hidden) {
    long perTrajectory = perTrajectory(spec, hidden);
    if (perTrajectory > MAX_VALUES_PER_TRAJECTORY) {
      throw new IllegalArgumentException("steps = " + spec.steps() + (spec.states() ? " with states" : "")
          + " makes " + perTrajectory + " values per trajectory; at most " + MAX_VALUES_PER_TRAJECTORY
          + " (states cost " + (PEN_VALUES + 2 * hidden) + " values a step: at most "
          + MAX_VALUES_PER_TRAJECTORY / (PEN_VALUES + 2 * hidden) + " steps with states)");
    }
    long total = perTrajectory * spec.variants();
    if (total > MAX_VALUES_PER_REQUEST) {
      throw new IllegalArgumentException("variants × steps" + (spec.states() ? " × states" : "") + " = "
          + spec.variants() + " × " + spec.steps() + (spec.states() ? " × " + (PEN_VALUES + 2 * hidden) : " × 4")
          + " = " + total + " values; the budget per request is " + MAX_VALUES_PER_REQUEST
          + ": ask for fewer variants or steps, or no states");
    }
  }
}
