package io.chargen.model.classify;

import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Extra templates from one example by small affine distortions of its pen positions: horizontal shear (slant) and
 * horizontal stretch (aspect ratio), the two ways a writer's letters differ most from another's that arc-length
 * resampling and size normalisation ({@link ShapeFeatures}) leave in (the "affine jitter" of issue 6; cf. the
 * distortion models of Simard et al., "Best practices for convolutional neural networks applied to visual document
 * analysis", ICDAR 2003). Deterministic: a fixed grid, no random draws. Pressure and stroke channels are kept.
 */
public final class TemplateAugmenter {
  private final double shear;
  private final double stretch;

  /**
   * @param shear largest |shear| (x += shear · y), ≥ 0; the grid uses −shear, 0, +shear
   * @param stretch largest horizontal stretch factor − 1, in [0, 1); the grid uses 1/(1+s), 1, 1+s
   * @throws IllegalArgumentException naming a bad value
   */
  public TemplateAugmenter(double shear, double stretch) {
    if (!(shear >= 0) || Double.isInfinite(shear)) {
      throw new IllegalArgumentException("shear must be finite and >= 0, got " + shear);
    }
    if (!(stretch >= 0 && stretch < 1)) {
      throw new IllegalArgumentException("stretch must be in [0, 1), got " + stretch);
    }
    this.shear = shear;
    this.stretch = stretch;
  }

  /**
   * @param example the letter
   * @return the example first, then its distortions (9 letters in all when both settings are non-zero)
   */
  public List<StrokeSequence> augment(StrokeSequence example) {
    List<StrokeSequence> out = new ArrayList<>();
    out.add(example);
    double[] shears = shear > 0 ? new double[] {0, -shear, shear} : new double[] {0};
    double[] stretches = stretch > 0 ? new double[] {1, 1 / (1 + stretch), 1 + stretch} : new double[] {1};
    for (double s : shears) {
      for (double k : stretches) {
        if (s != 0 || k != 1) {
          out.add(distort(example, s, k));
        }
      }
    }
    return out;
  }

  /** x' = k · (x + s · y), y' = y on the positions, then back to differences. */
  static StrokeSequence distort(StrokeSequence example, double s, double k) {
    float[][] steps = example.toSteps();
    for (float[] step : steps) {
      step[StrokeSequence.DX] = (float) (k * (step[StrokeSequence.DX] + s * step[StrokeSequence.DY]));
    }
    return StrokeSequence.ofSteps(steps);
  }
}
