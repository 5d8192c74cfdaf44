package io.chargen.model.generate;

/**
 * How to run a generation.
 *
 * @param steps number of steps, 1..{@link Generator#MAX_STEPS}, or {@link #NATURAL_LENGTH} for the letter's own
 *     length (issue 7)
 * @param noise SD of the Gaussian noise added at every step to the input vector's <em>letter</em> entries (0: none;
 *     the paper uses 0.009–0.07, Fabi et al. 2020, Sec. 3.2, on a letters-only input)
 * @param styleNoise SD of the Gaussian noise added at every step to the writer-style entries (issue 13: separate, so
 *     that the same {@code noise} means the same as in the paper; 0: none)
 * @param seed seed of the noise; the same seed gives the same variant
 * @param keepStates whether to return the LSTM's c and h of every step
 */
public record GenerationRequest(int steps, double noise, double styleNoise, long seed, boolean keepStates) {
  /** Steps value meaning "until the letter is finished": the model's natural length of the blend. */
  public static final int NATURAL_LENGTH = 0;

  /** Validates the values, naming the bad one. */
  public GenerationRequest {
    if (steps != NATURAL_LENGTH && (steps < 1 || steps > Generator.MAX_STEPS)) {
      throw new IllegalArgumentException("steps must be in 1.." + Generator.MAX_STEPS + " (or " + NATURAL_LENGTH
          + " for the natural length), got " + steps);
    }
    if (!Double.isFinite(noise) || noise < 0) {
      throw new IllegalArgumentException("noise SD must be finite and >= 0, got " + noise);
    }
    if (!Double.isFinite(styleNoise) || styleNoise < 0) {
      throw new IllegalArgumentException("style noise SD must be finite and >= 0, got " + styleNoise);
    }
  }

  /**
   * A request with noise on the letter inputs only.
   *
   * @param steps number of steps or {@link #NATURAL_LENGTH}
   * @param noise SD of the noise on the letter inputs
   * @param seed seed of the noise
   * @param keepStates whether to return the LSTM's states
   */
  public GenerationRequest(int steps, double noise, long seed, boolean keepStates) {
    this(steps, noise, 0, seed, keepStates);
  }

  /**
   * @param steps number of steps
   * @return a noiseless request without states
   */
  public static GenerationRequest plain(int steps) {
    return new GenerationRequest(steps, 0, 0, false);
  }

  /** @return the same request with another seed */
  public GenerationRequest withSeed(long newSeed) {
    return new GenerationRequest(steps, noise, styleNoise, newSeed, keepStates);
  }

  /** @return the same request with another step count */
  GenerationRequest withSteps(int newSteps) {
    return new GenerationRequest(newSteps, noise, styleNoise, seed, keepStates);
  }
}
