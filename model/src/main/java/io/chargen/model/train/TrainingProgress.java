package io.chargen.model.train;

/** Receives training progress, e.g. to draw a progress bar. Called on the training thread. */
@FunctionalInterface
public interface TrainingProgress {
  /** Ignores progress. */
  TrainingProgress NONE = (epoch, epochs, batch, batches, loss) -> { };

  /**
   * After each Adam step.
   *
   * @param epoch 1-based epoch
   * @param epochs total epochs
   * @param batch 1-based batch within the epoch
   * @param batches batches per epoch
   * @param meanLoss mean per-sample loss of the epoch so far
   */
  void onBatch(int epoch, int epochs, int batch, int batches, double meanLoss);
}
