package io.chargen.model.learn;

import io.chargen.model.Backend;
import io.chargen.model.BatchSequence;
import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import io.chargen.model.optim.Objective;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One-shot learning of a new concept from a single example (Fabi et al. 2020, Sec. 3.1): only the new concept's input
 * column (its H-dimensional code) is optimised by backpropagation; the LSTM and output weights stay frozen. The
 * schedule's {@link CodePrior} may start the search at the trained letters' codes and add a penalty that keeps the
 * code near them, and its position weight adds a term on pen positions to the loss ({@link PositionLoss}; issue 13);
 * the reported losses are always the paper's regeneration MSE alone. Several
 * letters learn together: their codes are independent, so they are optimised in parallel. Thread-safe.
 */
public final class OneShotLearner {
  private static final Set<GradientPart> CODE_GRADIENT = EnumSet.of(GradientPart.PROJECTED_INPUT);

  private final Backend backend;
  private final OneShotSchedule schedule;

  /**
   * @param backend computes the network
   * @param schedule optimiser and budget
   */
  public OneShotLearner(Backend backend, OneShotSchedule schedule) {
    this.backend = backend;
    this.schedule = schedule;
  }

  /**
   * The starting code of a new concept: PyTorch's default initialisation of one input column, uniform in ±1/sqrt(K),
   * seeded by the seed and the label so every letter starts differently but reproducibly.
   *
   * @param hidden H
   * @param concepts K after adding the concept
   * @param label the concept
   * @param seed random seed
   * @return the code
   */
  public static float[] initialCode(int hidden, int concepts, String label, long seed) {
    Random random = new Random(seed * 31 + label.hashCode());
    float bound = (float) (1 / Math.sqrt(concepts));
    float[] code = new float[hidden];
    for (int j = 0; j < hidden; j++) {
      code[j] = (random.nextFloat() * 2 - 1) * bound;
    }
    return code;
  }

  /**
   * Learns one concept's code from one example. In a model with writer styles the code is learned as written in
   * the model's default style, so that generating it adds that style as it does for every letter.
   *
   * @param model the frozen network (its concepts are not used, except the default style)
   * @param start the seeded starting code (not modified), offset by the schedule's prior centre
   * @param label the concept, for the result
   * @param example the single example
   * @return the learned code and the loss before and after
   */
  public OneShotResult learnCode(CharModel model, float[] start, String label, StrokeSequence example) {
    return learnCode(model, start, label, example, 1);
  }

  /**
   * Learns one concept's code from one example, as one of several letters learned together (which matters only to a
   * schedule whose budget is shared by them, {@link OneShotSchedule#PAPER_TOTAL}).
   *
   * @param model the frozen network (its concepts are not used, except the default style)
   * @param start the seeded starting code (not modified), e.g. {@link #initialCode}; the search starts there, offset by
   *     the schedule's prior centre ({@link CodePrior#centreFor})
   * @param label the concept, for the result
   * @param example the single example
   * @param together how many letters are learned together, ≥ 1
   * @return the learned code and the loss before and after
   */
  public OneShotResult learnCode(CharModel model, float[] start, String label, StrokeSequence example,
      int together) {
    int[] evaluations = {0};
    double[] mse = {0};
    Objective loss = objective(model, label, example, mse);
    Objective objective = (code, gradient) -> {
      evaluations[0]++;
      return loss.evaluate(code, gradient);
    };
    float[] code = startingCode(model, start);
    float[] scratch = new float[code.length];
    objective.evaluate(code, scratch);
    double before = mse[0];
    evaluations[0] = 0;
    double after = schedule.minimize(objective, code, together);
    int spent = evaluations[0];
    if (schedule.prior().penaltyFor(model) != null || schedule.positionWeight() > 0 || schedule.noise().active()) {
      objective.evaluate(code, scratch);
      after = mse[0];
    }
    return new OneShotResult(label, code, before, after, spent);
  }

  /**
   * The one-shot objective of a code: the paper's MSE, plus the schedule's position term, plus its noise-robust term
   * (the same loss under fixed draws of input noise, {@link NoiseRobustness}), plus its prior's penalty. The clean
   * input and every noise draw are one group for the backend ({@link Backend#gradientsOfEach}), which the fast kernel
   * computes as one batch.
   *
   * @param model the frozen network
   * @param label the new letter (seeds the noise draws)
   * @param example its single example
   * @param mse receives, in element 0, the paper's MSE of the clean regeneration at the last evaluated code
   * @return the objective; one instance serves one thread
   */
  Objective objective(CharModel model, String label, StrokeSequence example, double[] mse) {
    LstmWeights probe = model.weights().withIdentityCodes();
    float[] style = model.defaultStyleCode();
    CodePrior.Penalty prior = schedule.prior().penaltyFor(model);
    NoiseRobustness.Draws draws = schedule.noise().active() ? schedule.noise().drawsFor(model, label) : null;
    int count = draws == null ? 1 : draws.count() + 1; // the draws, then the clean input
    float[] scale = new float[count];
    float[][] offset = new float[count][];
    double[] weight = new double[count];
    for (int d = 0; d < count - 1; d++) {
      scale[d] = draws.ownScale()[d];
      offset[d] = draws.offsets()[d];
      weight[d] = draws.weightEach();
    }
    scale[count - 1] = 1;
    offset[count - 1] = new float[style.length];
    weight[count - 1] = 1;
    PositionLoss[] positionLoss = new PositionLoss[count];
    for (int d = 0; schedule.positionWeight() > 0 && d < count; d++) {
      positionLoss[d] = new PositionLoss(example, schedule.positionWeight());
    }
    return (code, gradient) -> {
      List<BatchSequence> group = new ArrayList<>(count);
      for (int d = 0; d < count; d++) {
        float[] input = new float[style.length];
        for (int j = 0; j < input.length; j++) {
          input[j] = scale[d] * code[j] + offset[d][j] + style[j];
        }
        group.add(positionLoss[d] == null ? BatchSequence.of(input, example)
            : new BatchSequence(input, example.length(), positionLoss[d]::equivalentTarget));
      }
      List<Gradients> each = backend.gradientsOfEach(probe, group, CODE_GRADIENT);
      double loss = 0;
      java.util.Arrays.fill(gradient, 0);
      for (int d = 0; d < count; d++) {
        loss += weight[d] * (positionLoss[d] == null ? each.get(d).loss() : positionLoss[d].value());
        float[] g = each.get(d).projectedInput();
        for (int j = 0; j < gradient.length; j++) {
          gradient[j] += (float) (weight[d] * scale[d] * g[j]);
        }
      }
      Gradients clean = each.get(count - 1);
      mse[0] = positionLoss[count - 1] == null ? clean.loss() : positionLoss[count - 1].mse();
      return prior == null ? loss : loss + prior.addTo(code, gradient);
    };
  }

  /**
   * @param model the network
   * @param start a seeded starting code, e.g. {@link #initialCode}
   * @return where this learner's search starts: the start offset by the schedule's prior centre
   */
  public float[] startingCode(CharModel model, float[] start) {
    float[] code = schedule.prior().centreFor(model);
    for (int j = 0; j < code.length; j++) {
      code[j] += start[j];
    }
    return code;
  }

  /**
   * Learns every example's concept (new labels grow the concept set; known labels get a new code), in parallel.
   *
   * @param model the model whose LSTM and output weights stay frozen
   * @param examples label → its single example
   * @param seed seed of the starting codes
   * @return the grown model and one result per label, in the examples' order
   */
  public LearnedConcepts learn(CharModel model, Map<String, StrokeSequence> examples, long seed) {
    ConceptSet grown = model.concepts();
    for (String label : examples.keySet()) {
      grown = grown.with(label);
    }
    int concepts = grown.size();
    List<OneShotResult> results = examples.entrySet().parallelStream()
        .map(e -> learnCode(model, initialCode(model.weights().hidden(), concepts, e.getKey(), seed), e.getKey(),
            e.getValue(), examples.size()))
        .toList();
    CharModel learned = model;
    Map<String, OneShotResult> byLabel = new LinkedHashMap<>();
    for (OneShotResult r : results) {
      learned = learned.withConcept(r.label(), r.code())
          .withNaturalLength(r.label(), examples.get(r.label()).length());
      byLabel.put(r.label(), r);
    }
    return new LearnedConcepts(learned, byLabel);
  }

  /** @return the schedule */
  public OneShotSchedule schedule() {
    return schedule;
  }
}
