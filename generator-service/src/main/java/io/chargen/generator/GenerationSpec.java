package io.chargen.generator;

import io.chargen.model.ConceptSet;
import io.chargen.model.Names;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dashboard asks to generate: a blend of concepts (a single concept is a blend with weight 1), how many noisy
 * variants, the noise SD on the input vector at every step, the first seed, the step count and whether to return the
 * LSTM states (Fabi et al. 2020, Sec. 3.2, 3.4, 3.5). The same spec is validated when the HTTP request arrives and
 * again by the worker that generates it, against the concept set each one knows.
 *
 * @param mix concept label → weight, weights ≥0 summing to 1
 * @param variants number of variants, 1..{@value #MAX_VARIANTS}; variant i uses seed {@code seed + i}
 * @param noise SD of the Gaussian input noise, finite and ≥0 (the paper: 0.009–0.07)
 * @param seed the first variant's seed
 * @param steps steps per trajectory, 1..{@link Generator#MAX_STEPS}
 * @param states whether to return the cell and hidden state of every step
 */
public record GenerationSpec(Map<String, Double> mix, int variants, double noise, long seed, int steps,
    boolean states) {
  /**
   * Most variants per request: a dashboard grid of 50 letters, and 50 × 2,000 steps × 2 × H=100 state values is
   * already 80 MB of floats in the worst case.
   */
  public static final int MAX_VARIANTS = 50;
  /**
   * Largest input noise SD: the paper uses 0.009–0.07; far above 1 the input swamps the learned code and the
   * network's output is no letter (at 1e308 it is NaN).
   */
  public static final double MAX_NOISE = 1.0;
  /** Steps of a base concept when the request gives none: about the length of a DigiLeTs letter. */
  public static final int DEFAULT_STEPS = 40;
  /** Marks a request without a step count: {@link NaturalLength} fills in the letter's own length. */
  public static final int NATURAL_STEPS = 0;

  /** Freezes the mix in label order, so records and JSON come out the same for the same request. */
  public GenerationSpec {
    mix = Map.copyOf(new TreeMap<>(mix));
  }

  /** Raised for a mix naming a concept the validating replica does not know (yet): maybe learned elsewhere. */
  public static final class UnknownConceptException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownConceptException(String message) {
      super(message);
    }
  }

  /**
   * @param newSteps the step count
   * @return this request with that many steps
   */
  public GenerationSpec withSteps(int newSteps) {
    return new GenerationSpec(mix, variants, noise, seed, newSteps, states);
  }

  /**
   * @param known the concepts of the model that will generate
   * @return this spec
   * @throws UnknownConceptException naming the first unknown concept
   * @throws IllegalArgumentException naming any other bad field and its value
   */
  public GenerationSpec validate(ConceptSet known) {
    if (variants < 1 || variants > MAX_VARIANTS) {
      throw new IllegalArgumentException("variants is " + variants + "; allowed 1.." + MAX_VARIANTS);
    }
    if (!Double.isFinite(noise) || noise < 0 || noise > MAX_NOISE) {
      throw new IllegalArgumentException("noise is " + noise + "; allowed 0.." + MAX_NOISE);
    }
    if (mix.isEmpty()) {
      throw new IllegalArgumentException("mix is empty; name at least one concept with weight 1");
    }
    for (String label : new TreeMap<>(mix).keySet()) {
      if (!known.contains(label)) {
        throw new UnknownConceptException("mix names concept " + Names.excerpt(label) + ", which is neither in the"
            + " base model nor learned by this tenant (GET /v1/concepts lists them)");
      }
    }
    known.mix(mix); // weights: >= 0, finite, summing to 1; its message names the weight
    if (steps < 1 || steps > Generator.MAX_STEPS) {
      throw new IllegalArgumentException("steps is " + steps + "; allowed 1.." + Generator.MAX_STEPS);
    }
    return this;
  }

  /** @return the model's request for variant 0 (the generator derives the other seeds) */
  public GenerationRequest request() {
    return new GenerationRequest(steps, noise, seed, states);
  }
}
