package io.chargen.model.train;

import io.chargen.model.Backend;
import io.chargen.model.BatchSequence;
import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Trains all weights of the paper's network with Adam on the per-sample MSE (Fabi et al. 2020, Sec. 2) or, as an
 * option, on the time-aligned MSE ({@link TimeAlignment}); samples may carry a writer style input. Each sample
 * is its own sequence (no padding); a batch's gradient is the mean of its samples' gradients, computed by
 * {@link Backend#meanGradients} in an order that does not depend on the machine, so the same seed gives the same model
 * on any machine.
 */
public final class Trainer {
  private static final Set<GradientPart> ALL_WEIGHTS = EnumSet.of(
      GradientPart.INPUT_WEIGHTS, GradientPart.RECURRENT_WEIGHTS, GradientPart.OUTPUT_WEIGHTS);

  private final Backend backend;
  private final TrainingConfig config;
  private final TimeAlignment alignment = new TimeAlignment(TimeAlignment.DEFAULT_BAND_FRACTION);

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
    float[][] inputs = samples.stream().map(s -> inputOf(start, s, s.style())).toArray(float[][]::new);
    int[] letterInputs = samples.stream().map(LabelledSequence::label).distinct().sorted()
        .mapToInt(start.concepts()::indexOf).toArray();
    Random noise = new Random(config.seed() * 31 + 7);
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
        lossSum += step(params, samples, noisy(inputs, batch, letterInputs, noise), batch, config.alignsIn(epoch));
        epochLoss = lossSum / Math.min(samples.size(), (b + 1) * config.batchSize());
        progress.onBatch(epoch, config.epochs(), b + 1, batches, epochLoss);
      }
    }
    CharModel trained = new CharModel(start.concepts(), params.weights(), start.metadata())
        .withMetadata(facts(samples.size(), epochLoss));
    return withTypicalStyle(withNaturalLengths(trained, samples), samples);
  }

  private Map<String, String> facts(int samples, double epochLoss) {
    return Map.of("trained", "true", "epochs", Integer.toString(config.epochs()),
        "batch_size", Integer.toString(config.batchSize()), "learning_rate", Double.toString(config.learningRate()),
        "training_seed", Long.toString(config.seed()), "training_samples", Integer.toString(samples),
        "final_epoch_loss", Double.toString(epochLoss), "loss", config.loss().name().toLowerCase(Locale.ROOT),
        "plain_epochs", Integer.toString(config.plainEpochs()), "input_noise", Double.toString(config.inputNoise()));
  }

  /** Each letter's natural length: the mean length of its training samples (issue 7). */
  private static CharModel withNaturalLengths(CharModel model, List<LabelledSequence> samples) {
    Map<String, Double> means = samples.stream().collect(Collectors.groupingBy(LabelledSequence::label,
        TreeMap::new, Collectors.averagingInt(s -> s.sequence().length())));
    CharModel out = model;
    for (Map.Entry<String, Double> e : means.entrySet()) {
      out = out.withNaturalLength(e.getKey(), (int) Math.round(e.getValue()));
    }
    return out;
  }

  /**
   * The typical hand, for generations that name no writer: the mean of the trained writers' style columns. Measured
   * against a column trained on 30 % of the samples instead ("style dropout"), its generations were recognised more
   * often on the training writers (0.92 vs 0.69, issue 7 notes).
   */
  private static CharModel withTypicalStyle(CharModel model, List<LabelledSequence> samples) {
    List<String> styles = samples.stream().map(LabelledSequence::style).filter(Objects::nonNull).distinct().toList();
    if (styles.isEmpty()) {
      return model;
    }
    float[] mean = new float[model.weights().hidden()];
    for (String style : styles) {
      float[] code = model.code(style);
      for (int j = 0; j < mean.length; j++) {
        mean[j] += code[j] / styles.size();
      }
    }
    return model.withConcept(ConceptSet.TYPICAL_STYLE, mean)
        .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, ConceptSet.TYPICAL_STYLE));
  }

  /** The batch's inputs with {@link TrainingConfig#inputNoise} on the trained letters' inputs (a copy if any). */
  private float[][] noisy(float[][] inputs, List<Integer> batch, int[] letterInputs, Random random) {
    if (config.inputNoise() == 0) {
      return inputs;
    }
    float[][] out = inputs.clone();
    for (int i : batch) {
      out[i] = inputs[i].clone();
      for (int k : letterInputs) {
        out[i][k] += (float) (config.inputNoise() * random.nextGaussian());
      }
    }
    return out;
  }

  /** One Adam step on a batch; returns the batch's summed loss. */
  private double step(Parameters params, List<LabelledSequence> samples, float[][] inputs, List<Integer> batch,
      boolean aligned) {
    List<BatchSequence> sequences = batch.stream().map(i -> {
      StrokeSequence recorded = samples.get(i).sequence();
      return aligned
          ? new BatchSequence(inputs[i], recorded.length(), output -> alignment.retime(output, recorded))
          : BatchSequence.of(inputs[i], recorded);
    }).toList();
    Gradients mean = backend.meanGradients(params.weights(), sequences, ALL_WEIGHTS);
    params.apply(mean);
    return mean.loss() * batch.size();
  }

  /** The letter's one-hot plus, if given, the style's one-hot. */
  private static float[] inputOf(CharModel model, LabelledSequence sample, String style) {
    float[] x = model.concepts().oneHot(sample.label());
    if (style != null) {
      x[model.concepts().indexOf(style)] += 1;
    }
    return x;
  }
}
