package io.chargen.model.classify;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.Classification;
import io.chargen.model.Classifier;
import io.chargen.model.GradientPart;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import io.chargen.model.Gradients;
import io.chargen.model.learn.OneShotSchedule;
import io.chargen.model.optim.Objective;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paper's classification by input inference (Fabi et al. 2020, Sec. 3.3): start from a zero input vector with
 * one entry per candidate concept, constant over time; optimise it by gradient descent on the squared error between
 * the network's output and the query; the largest entry names the letter. The paper's settings are 1000 steps at
 * learning rate 0.01; the optimiser is Adam, as in the authors' PyTorch code (plain gradient descent at lr 0.01 barely
 * moves a per-step MSE). {@link #fast} runs the same inference with one-shot learning's optimiser
 * ({@link OneShotSchedule#FAST}, L-BFGS with 60 evaluations) instead of 1000 Adam steps (issue 14).
 */
public final class InputInferenceClassifier implements Classifier {
  /** The paper's number of inference steps. */
  public static final int PAPER_STEPS = 1000;
  /** The paper's inference learning rate. */
  public static final double PAPER_LEARNING_RATE = 0.01;
  private static final Set<GradientPart> INPUT_GRADIENT = EnumSet.of(GradientPart.INPUT);

  private final Backend backend;
  private final CharModel model;
  private final OneShotSchedule optimiser;

  /**
   * @param backend computes the network
   * @param model the model whose concepts are the candidates
   * @param steps optimisation steps (the paper: {@link #PAPER_STEPS})
   * @param learningRate Adam step size (the paper: {@link #PAPER_LEARNING_RATE})
   */
  public InputInferenceClassifier(Backend backend, CharModel model, int steps, double learningRate) {
    if (steps < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("need steps >= 1 and learning rate > 0, got " + steps + ", " + learningRate);
    }
    this.backend = backend;
    this.model = model;
    this.optimiser = new OneShotSchedule("paper", OneShotSchedule.Method.ADAM, steps, learningRate);
  }

  /**
   * @param backend computes the network
   * @param model the model whose concepts are the candidates
   * @param optimiser how the input vector is optimised
   */
  public InputInferenceClassifier(Backend backend, CharModel model, OneShotSchedule optimiser) {
    this.backend = backend;
    this.model = model;
    this.optimiser = optimiser;
  }

  /**
   * @param backend computes the network
   * @param model the model
   * @return the classifier with the paper's settings
   */
  public static InputInferenceClassifier paper(Backend backend, CharModel model) {
    return new InputInferenceClassifier(backend, model, PAPER_STEPS, PAPER_LEARNING_RATE);
  }

  /**
   * @param backend computes the network
   * @param model the model
   * @return the paper's inference with one-shot learning's fast optimiser: about 60 gradient evaluations instead
   *     of 1000
   */
  public static InputInferenceClassifier fast(Backend backend, CharModel model) {
    return new InputInferenceClassifier(backend, model, OneShotSchedule.FAST);
  }

  /** @return {@code paper} with Adam, {@code paper_fast} with L-BFGS */
  @Override
  public String name() {
    return optimiser.method() == OneShotSchedule.Method.ADAM ? "paper" : "paper_fast";
  }

  @Override
  public Classification classify(StrokeSequence query, List<String> candidates) {
    float[] input = inferInput(query, candidates);
    Map<String, Double> scores = new LinkedHashMap<>();
    int best = 0;
    for (int k = 0; k < input.length; k++) {
      scores.put(candidates.get(k), (double) input[k]);
      if (input[k] > input[best]) {
        best = k;
      }
    }
    return new Classification(candidates.get(best), scores, name());
  }

  /**
   * The inferred input vector (the paper's Fig. 4).
   *
   * @param query the letter
   * @param candidates the concepts the vector spans
   * @return one value per candidate
   */
  public float[] inferInput(StrokeSequence query, List<String> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate concepts to classify into");
    }
    // the last column is the default style, held at 1: letters are inferred as written in that style
    float[][] codes = new float[candidates.size() + 1][];
    for (int k = 0; k < candidates.size(); k++) {
      codes[k] = model.code(candidates.get(k));
    }
    codes[candidates.size()] = model.defaultStyleCode();
    LstmWeights restricted = model.weights().withCodes(codes);
    int k = candidates.size();
    float[] input = new float[codes.length];
    input[k] = 1;
    Objective objective = (x, gradient) -> {
      System.arraycopy(x, 0, input, 0, k);
      Gradients g = backend.gradients(restricted, input, query, INPUT_GRADIENT);
      System.arraycopy(g.input(), 0, gradient, 0, k);
      return g.loss();
    };
    float[] inferred = new float[k];
    optimiser.minimize(objective, inferred);
    return inferred;
  }
}
