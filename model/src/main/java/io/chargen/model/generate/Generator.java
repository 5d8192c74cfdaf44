package io.chargen.model.generate;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.Rollout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generation from a model (Fabi et al. 2020, Sec. 3.2 and 3.4): regeneration of a concept, variants with Gaussian
 * noise on the input vector's letter entries at every step (writer styles have their own noise SD, issue 13), and blends of several concepts, with the LSTM's cell and hidden states on
 * request (Sec. 3.5); in a model with writer styles, in a chosen or the default style, and for the letter's natural
 * length unless a step count is given (issue 7). Thread-safe.
 */
public final class Generator {
  /** Longest generation accepted: ten times the longest DigiLeTs sample (209 points). */
  public static final int MAX_STEPS = 2_000;
  /** The paper's smallest variant noise SD (Sec. 3.2). */
  public static final double PAPER_MIN_NOISE = 0.009;
  /** The paper's largest variant noise SD (Sec. 3.2). */
  public static final double PAPER_MAX_NOISE = 0.07;

  private final Backend backend;

  /** @param backend computes the network */
  public Generator(Backend backend) {
    this.backend = backend;
  }

  /**
   * Runs the network on a blend (or a single concept: {@code Map.of("n", 1.0)}), optionally with input noise.
   *
   * @param model the model
   * @param mix concept → weight; weights ≥0 summing to 1
   * @param request steps, noise SD, seed and whether to keep states
   * @return the generated steps (and states)
   * @throws IllegalArgumentException naming an unknown concept, a bad weight, step count or noise SD
   */
  public Rollout generate(CharModel model, Map<String, Double> mix, GenerationRequest request) {
    return generate(model, model.input(mix), withSteps(model, mix, request));
  }

  private static GenerationRequest withSteps(CharModel model, Map<String, Double> mix, GenerationRequest request) {
    if (request.steps() != GenerationRequest.NATURAL_LENGTH) {
      return request;
    }
    return request.withSteps(Math.min(Generator.MAX_STEPS, model.naturalLength(mix)));
  }

  /**
   * Runs the network on an arbitrary input vector (e.g. an inferred one), optionally with input noise.
   *
   * @param model the model
   * @param input K values
   * @param request steps, noise SD, seed and whether to keep states
   * @return the generated steps (and states)
   */
  public Rollout generate(CharModel model, float[] input, GenerationRequest request) {
    if (request.steps() == GenerationRequest.NATURAL_LENGTH) {
      throw new IllegalArgumentException("a natural length needs a concept mix; give a step count for a raw input");
    }
    float[] sd = noisePerInput(model, request);
    boolean noisy = request.noise() > 0 || request.styleNoise() > 0;
    float[][] inputs = new float[request.steps()][];
    Random random = new Random(request.seed());
    for (int t = 0; t < inputs.length; t++) {
      inputs[t] = input.clone();
      for (int k = 0; noisy && k < input.length; k++) {
        if (sd[k] > 0) {
          inputs[t][k] += (float) (sd[k] * random.nextGaussian());
        }
      }
    }
    return backend.run(model.weights(), inputs, request.keepStates());
  }

  /** Per input entry, its noise SD: the request's letter noise on letters, its style noise on writer styles. */
  private static float[] noisePerInput(CharModel model, GenerationRequest request) {
    List<String> labels = model.concepts().labels();
    float[] sd = new float[labels.size()];
    for (int k = 0; k < sd.length; k++) {
      sd[k] = (float) (ConceptSet.isStyle(labels.get(k)) ? request.styleNoise() : request.noise());
    }
    return sd;
  }

  /**
   * The size of a request's input noise after the input layer: the noise on the LSTM's input is
   * Σ<sub>k</sub> n<sub>k</sub>·code<sub>k</sub> with n<sub>k</sub> ~ N(0, SD<sub>k</sub>²), so each unit's SD is
   * sqrt(Σ<sub>k</sub> SD<sub>k</sub>²·code<sub>kj</sub>²); this is its root mean square over the H units. It
   * depends on how many inputs are noisy and on their codes' norms, so it says what an SD means for this model
   * (issue 13: compare with the paper's 0.009–0.07 on its 26 letter inputs).
   *
   * @param model the model
   * @param request its noise SDs
   * @return the RMS over units of the noise SD on the LSTM's input
   */
  public static double noiseAfterInputLayer(CharModel model, GenerationRequest request) {
    float[] sd = noisePerInput(model, request);
    double sum = 0;
    for (int k = 0; k < sd.length; k++) {
      for (float w : model.weights().code(k)) {
        sum += (double) sd[k] * sd[k] * w * w;
      }
    }
    return Math.sqrt(sum / model.weights().hidden());
  }

  /**
   * Several noisy variants of one blend; variant i uses seed {@code request.seed() + i}, so the same seed gives the
   * same variants.
   *
   * @param model the model
   * @param mix concept → weight
   * @param count number of variants (≥1)
   * @param request steps, noise SD, first seed, states
   * @return the variants in seed order
   */
  public List<Rollout> variants(CharModel model, Map<String, Double> mix, int count, GenerationRequest request) {
    if (count < 1) {
      throw new IllegalArgumentException("variant count must be >= 1, got " + count);
    }
    float[] input = model.input(mix);
    GenerationRequest sized = withSteps(model, mix, request);
    List<Rollout> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(generate(model, input, sized.withSeed(sized.seed() + i)));
    }
    return out;
  }
}
