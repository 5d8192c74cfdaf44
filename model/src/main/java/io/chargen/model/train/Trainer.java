package io.chargen.model.train;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains all weights of the paper's network with Adam on the per-sample MSE (Fabi et al. 2020, Sec. 2). Each sample
 * is its own sequence (no padding); a batch's gradient is the mean of its samples' gradients. Samples of a batch are
 * computed in parallel and summed in a fixed order, so the same seed gives the same model on any machine.
 */
public final class Trainer {
  private static final Set<GradientPart> ALL_WEIGHTS = EnumSet.of(
      GradientPart.INPUT_WEIGHTS, GradientPart.RECURRENT_WEIGHTS, GradientPart.OUTPUT_WEIGHTS);

  private final Backend backend;
  private final TrainingConfig config;

  /**
   * @param backend computes gradients
   * @param config epochs, batch size, learning rate, seed
   */
  public Trainer(Backend backend, TrainingConfig config) {
    this.backend = backend;
    this.config = config;
  }

  /**
   * @param start the initial model (e.g. {@link CharModel#untrained})
   * @param samples training samples; every label must be a concept of the model
   * @param progress receives progress after every step
   * @return the trained model, its metadata extended with the training facts
   */
  public CharModel train(CharModel start, List<LabelledSequence> samples, TrainingProgress progress) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no training samples");
    }
    int[] conceptOf = samples.stream().mapToInt(s -> start.concepts().indexOf(s.label())).toArray();
    Parameters params = new Parameters(start.weights(), config.learningRate());
    List<Integer> order = new ArrayList<>(IntStream.range(0, samples.size()).boxed().toList());
    Random random = new Random(config.seed());
    int batches = (samples.size() + config.batchSize() - 1) / config.batchSize();
    double epochLoss = Double.NaN;
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      Collections.shuffle(order, random);
      double lossSum = 0;
      for (int b = 0; b < batches; b++) {
        List<Integer> batch = order.subList(b * config.batchSize(),
            Math.min(samples.size(), (b + 1) * config.batchSize()));
        lossSum += step(params, samples, conceptOf, batch);
        epochLoss = lossSum / Math.min(samples.size(), (b + 1) * config.batchSize());
        progress.onBatch(epoch, config.epochs(), b + 1, batches, epochLoss);
      }
    }
    return new CharModel(start.concepts(), params.weights(), start.metadata()).withMetadata(Map.of(
        "trained", "true", "epochs", Integer.toString(config.epochs()),
        "batch_size", Integer.toString(config.batchSize()), "learning_rate", Double.toString(config.learningRate()),
        "training_seed", Long.toString(config.seed()), "training_samples", Integer.toString(samples.size()),
        "final_epoch_loss", Double.toString(epochLoss)));
  }

  /** One Adam step on a batch; returns the batch's summed loss. */
  private double step(Parameters params, List<LabelledSequence> samples, int[] conceptOf, List<Integer> batch) {
    LstmWeights weights = params.weights();
    int concepts = weights.concepts();
    List<Gradients> gradients = batch.parallelStream()
        .map(i -> backend.gradients(weights, oneHot(concepts, conceptOf[i]), samples.get(i).sequence(), ALL_WEIGHTS))
        .toList();
    return params.apply(gradients);
  }

  private static float[] oneHot(int size, int index) {
    float[] x = new float[size];
    x[index] = 1;
    return x;
  }
}
