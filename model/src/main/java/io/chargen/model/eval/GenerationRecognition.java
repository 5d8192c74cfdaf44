package io.chargen.model.eval;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.DtwNearestNeighbour;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.util.List;
import java.util.Map;

/**
 * Do generations look like the letter asked for? For each trained letter, one generation without noise and several
 * with input noise are classified by DTW 1-nearest-neighbour on positions (L1) against real letters of the evaluated
 * writers; the score is the fraction classified as the generated letter (issue 7's {@code generation.recognised}).
 * Each generation runs for the letter's natural length when the model knows it (issue 7); the paper's model has no
 * notion of length, so its generations run for the mean length of that letter's templates.
 */
public final class GenerationRecognition {
  /** Noise SD of the variants: the middle of the paper's range 0.009–0.07 (Fabi et al. 2020, Sec. 3.2). */
  public static final double VARIANT_NOISE = 0.03;
  /** Variants per letter, seeds 0..3. */
  public static final int VARIANTS = 4;

  private final Generator generator;

  /** @param backend computes the network */
  public GenerationRecognition(Backend backend) {
    this.generator = new Generator(backend);
  }

  /**
   * @param result fractions recognised
   * @param plain without noise
   * @param variants with noise {@link #VARIANT_NOISE}
   */
  public record Result(double plain, double variants) {}

  /**
   * @param model the model
   * @param templates label → real letters of that label (e.g. instance 0 of every evaluated writer)
   * @return fractions recognised
   */
  public Result measure(CharModel model, Map<String, List<StrokeSequence>> templates) {
    DtwNearestNeighbour nearest = DtwNearestNeighbour.of(templates);
    int plainRight = 0;
    int variantRight = 0;
    for (Map.Entry<String, List<StrokeSequence>> e : templates.entrySet()) {
      String label = e.getKey();
      Map<String, Double> mix = Map.of(label, 1.0);
      int steps = model.naturalLength(label).orElseGet(
          () -> (int) Math.round(e.getValue().stream().mapToInt(StrokeSequence::length).average().orElseThrow()));
      StrokeSequence plain = generator.generate(model, mix, GenerationRequest.plain(steps)).output();
      plainRight += nearest.classify(plain).label().equals(label) ? 1 : 0;
      for (int seed = 0; seed < VARIANTS; seed++) {
        StrokeSequence v = generator.generate(model, mix,
            new GenerationRequest(steps, VARIANT_NOISE, seed, false)).output();
        variantRight += nearest.classify(v).label().equals(label) ? 1 : 0;
      }
    }
    int letters = templates.size();
    return new Result((double) plainRight / letters, (double) variantRight / (letters * VARIANTS));
  }
}
