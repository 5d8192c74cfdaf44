package io.chargen.model.classify;

/**
 * Settings of {@link ShapeFeatures} and {@link ShapeDtw}: how many points a letter is resampled to, how much each
 * feature group counts in the point cost, and the Sakoe-Chiba band. {@link #TUNED} holds the values chosen on the
 * development writers (docs/classification.md).
 *
 * @param points points per letter after arc-length resampling, ≥ 2
 * @param positionWeight weight of the normalised (x, y) in the L1 point cost, ≥ 0
 * @param directionWeight weight of the local direction (cos θ, sin θ), ≥ 0
 * @param penUpWeight weight of the pen-up flag, ≥ 0
 * @param bandFraction Sakoe-Chiba band half-width as a fraction of {@code points}, in (0, 1]
 */
public record ShapeOptions(int points, double positionWeight, double directionWeight, double penUpWeight,
    double bandFraction) {
  /**
   * Chosen on the development writers of data/splits/train (docs/classification.md, table of variants): 48 points,
   * position and direction weighted equally, pen-up at half weight, band ±25 % of the letter.
   */
  public static final ShapeOptions TUNED = new ShapeOptions(48, 1, 1, 0.5, 0.25);

  /** @throws IllegalArgumentException naming the first bad setting */
  public ShapeOptions {
    if (points < 2) {
      throw new IllegalArgumentException("points must be >= 2, got " + points);
    }
    requireWeight("positionWeight", positionWeight);
    requireWeight("directionWeight", directionWeight);
    requireWeight("penUpWeight", penUpWeight);
    if (!(bandFraction > 0 && bandFraction <= 1)) {
      throw new IllegalArgumentException("bandFraction must be in (0, 1], got " + bandFraction);
    }
  }

  private static void requireWeight(String name, double w) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + w);
    }
  }

  /** @return the band half-width in points, at least 1 */
  public int band() {
    return Math.max(1, (int) Math.round(bandFraction * points));
  }
}
