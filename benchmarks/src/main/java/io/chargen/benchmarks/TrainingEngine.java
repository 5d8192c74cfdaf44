package io.chargen.benchmarks;

import io.chargen.model.CharModel;
import io.chargen.model.train.LabelledSequence;
import io.chargen.model.train.TrainingConfig;
import java.util.List;

/**
 * Something that trains the paper's network the way {@code Trainer} does, for the side-by-side benchmark: from the
 * same start weights, one epoch over the same samples in the same shuffled order ({@code Collections.shuffle} of
 * the sample indices with {@code new Random(config.seed())}), batches of {@code config.batchSize()}, each sample's
 * loss the MSE over its own length, the batch's loss their mean, one Adam step (PyTorch's formula) per batch. Engines
 * outside this module (PyTorch through DJL, built with {@code -Ptorch}) are found with {@link java.util.ServiceLoader}.
 */
public interface TrainingEngine {
  /** @return the engine's name, the benchmark's {@code engine} parameter */
  String name();

  /**
   * @param start the start weights and concepts
   * @param samples the training samples (label and sequence)
   * @param config batch size, learning rate, shuffling seed (epochs are ignored: one epoch)
   * @return the epoch's loss: the mean over all samples of each one's MSE, as the Trainer reports it
   */
  double trainEpoch(CharModel start, List<LabelledSequence> samples, TrainingConfig config);
}
