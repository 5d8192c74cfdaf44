package io.chargen.model.classify;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analysis by synthesis for template matching: besides a concept's one example, its regeneration by the model that
 * learned it one-shot and noisy variants with Gaussian noise on the input at every step (Fabi et al. 2020,
 * Sec. 3.2: SD {@link Generator#PAPER_MIN_NOISE}–{@link Generator#PAPER_MAX_NOISE}). Variants are seeded
 * (seed + variant index), so the same seed gives the same templates.
 */
public final class GenerativeTemplates {
  private final Generator generator;
  private final int variants;
  private final double noise;
  private final long seed;

  /**
   * @param generator runs the network
   * @param variants noisy variants per concept, ≥ 0
   * @param noise their input noise SD, ≥ 0
   * @param seed seed of the first variant
   * @throws IllegalArgumentException naming a bad count or SD
   */
  public GenerativeTemplates(Generator generator, int variants, double noise, long seed) {
    if (variants < 0) {
      throw new IllegalArgumentException("variant count must be >= 0, got " + variants);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise SD must be finite and >= 0, got " + noise);
    }
    this.generator = generator;
    this.variants = variants;
    this.noise = noise;
    this.seed = seed;
  }

  /**
   * @param learned a model that knows every example's label
   * @param examples label → its example
   * @return label → the example, its regeneration, then the variants; each generated to the example's length
   */
  public Map<String, List<StrokeSequence>> templates(CharModel learned, Map<String, StrokeSequence> examples) {
    Map<String, List<StrokeSequence>> out = new LinkedHashMap<>();
    examples.forEach((label, example) -> {
      List<StrokeSequence> list = new ArrayList<>();
      list.add(example);
      Map<String, Double> only = Map.of(label, 1.0);
      int steps = example.length();
      list.add(generator.generate(learned, only, GenerationRequest.plain(steps)).output());
      if (variants > 0) {
        generator.variants(learned, only, variants, new GenerationRequest(steps, noise, seed, false))
            .forEach(r -> list.add(r.output()));
      }
      out.put(label, list);
    });
    return out;
  }
}
