package io.chargen.model.train;

/** The loss a {@link Trainer} minimises. */
public enum TrainingLoss {
  /** The paper's per-step mean squared error (Fabi et al. 2020, Sec. 2). */
  MSE,
  /**
   * The MSE against the target re-timed onto the model's own clock by {@link TimeAlignment} (issue 7), after
   * {@link TrainingConfig#plainEpochs()} epochs of plain MSE that give the alignment something to align.
   */
  ALIGNED_MSE
}
