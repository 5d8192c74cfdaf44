package io.chargen.model.train;

/**
 * Training settings (Fabi et al. 2020, Sec. 2: MSE, Adam, lr 0.001; batch 32 as in the data README's reference).
 *
 * @param epochs passes over the training samples
 * @param batchSize samples per Adam step
 * @param learningRate Adam step size
 * @param seed seeds the shuffling; with the initial weights' seed it fixes the result
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, long seed) {
  /** The paper's batch size. */
  public static final int PAPER_BATCH = 32;
  /** The paper's learning rate. */
  public static final double PAPER_LEARNING_RATE = 0.001;

  /** Validates the values, naming the bad one. */
  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
  }

  /**
   * @param epochs passes over the data
   * @param seed shuffling seed
   * @return the paper's settings for that many epochs
   */
  public static TrainingConfig paper(int epochs, long seed) {
    return new TrainingConfig(epochs, PAPER_BATCH, PAPER_LEARNING_RATE, seed);
  }
}
