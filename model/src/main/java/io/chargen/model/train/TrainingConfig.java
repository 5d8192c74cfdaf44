package io.chargen.model.train;

import java.util.Objects;

/**
 * Training settings (Fabi et al. 2020, Sec. 2: MSE, Adam, lr 0.001; batch 32 as in the data README's reference).
 *
 * @param epochs passes over the training samples
 * @param batchSize samples per Adam step
 * @param learningRate Adam step size
 * @param seed seeds the shuffling; with the initial weights' seed it fixes the result
 * @param loss the loss
 * @param plainEpochs with {@link TrainingLoss#ALIGNED_MSE}, how many first epochs use plain MSE (0 when starting
 *     from a trained model)
 * @param inputNoise SD of Gaussian noise added to each trained letter's input, drawn per sample and step of
 *     training and held for the whole sequence (0: none)
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, long seed, TrainingLoss loss,
    int plainEpochs, double inputNoise) {
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
    Objects.requireNonNull(loss, "loss");
    if (plainEpochs < 0) {
      throw new IllegalArgumentException("plain-MSE epochs must be >= 0, got " + plainEpochs);
    }
    if (!(inputNoise >= 0) || Double.isInfinite(inputNoise)) {
      throw new IllegalArgumentException("input noise must be finite and >= 0, got " + inputNoise);
    }
  }

  /**
   * Settings without input noise.
   *
   * @param epochs passes over the data
   * @param batchSize samples per step
   * @param learningRate Adam step size
   * @param seed shuffling seed
   * @param loss the loss
   * @param plainEpochs plain-MSE epochs before the aligned ones
   */
  public TrainingConfig(int epochs, int batchSize, double learningRate, long seed, TrainingLoss loss,
      int plainEpochs) {
    this(epochs, batchSize, learningRate, seed, loss, plainEpochs, 0);
  }

  /**
   * Plain-MSE training.
   *
   * @param epochs passes over the data
   * @param batchSize samples per step
   * @param learningRate Adam step size
   * @param seed shuffling seed
   */
  public TrainingConfig(int epochs, int batchSize, double learningRate, long seed) {
    this(epochs, batchSize, learningRate, seed, TrainingLoss.MSE, 0);
  }

  /**
   * @param epochs passes over the data
   * @param seed shuffling seed
   * @return the paper's settings for that many epochs
   */
  public static TrainingConfig paper(int epochs, long seed) {
    return new TrainingConfig(epochs, PAPER_BATCH, PAPER_LEARNING_RATE, seed);
  }

  /** @return whether the given 1-based epoch uses the time-aligned loss */
  public boolean alignsIn(int epoch) {
    return loss == TrainingLoss.ALIGNED_MSE && epoch > plainEpochs;
  }
}
