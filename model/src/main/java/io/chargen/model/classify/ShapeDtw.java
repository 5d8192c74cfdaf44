package io.chargen.model.classify;

import java.util.Arrays;

/**
 * Dynamic time warping between two letters' {@link ShapeFeatures} (equal point counts) with a weighted L1 point
 * cost over position, direction and pen-up, inside a Sakoe-Chiba band (Sakoe and Chiba, "Dynamic programming
 * algorithm optimization for spoken word recognition", IEEE TASSP 26(1), 1978). The recursion is {@link Dtw}'s:
 * D(i, j) = cost(i, j) + min(D(i−1, j−1), D(i−1, j), D(i, j−1)), from (0, 0) to (n−1, n−1).
 *
 * <p>O(n·w) time with a band of half-width w, two rolling rows; immutable and thread-safe.
 */
public final class ShapeDtw {
  private final int band;

  /**
   * @param band Sakoe-Chiba half-width in points, ≥ 0
   * @throws IllegalArgumentException if the band is negative
   */
  public ShapeDtw(int band) {
    if (band < 0) {
      throw new IllegalArgumentException("Sakoe-Chiba band half-width must be >= 0, got " + band);
    }
    this.band = band;
  }

  /**
   * @param a one letter's features
   * @param b another letter's features, same point count
   * @return the DTW distance (≥ 0, symmetric, 0 for identical features)
   * @throws IllegalArgumentException if the point counts differ
   */
  public double distance(ShapeFeatures a, ShapeFeatures b) {
    return distance(a, b, Double.POSITIVE_INFINITY);
  }

  /**
   * @param a one letter's features
   * @param b another letter's features, same point count
   * @param cutoff stop once every cell of a row exceeds this (costs are non-negative, so the result would too)
   * @return the distance, or {@link Double#POSITIVE_INFINITY} once it is certain to exceed the cutoff
   */
  double distance(ShapeFeatures a, ShapeFeatures b, double cutoff) {
    int n = a.points();
    if (b.points() != n) {
      throw new IllegalArgumentException("features must have the same point count, got " + n + " and "
          + b.points());
    }
    float[] av = a.values();
    float[] bv = b.values();
    double[] previous = new double[n];
    double[] current = new double[n];
    Arrays.fill(previous, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      int from = Math.max(0, i - band);
      int to = Math.min(n - 1, i + band);
      Arrays.fill(current, Double.POSITIVE_INFINITY);
      double rowMinimum = Double.POSITIVE_INFINITY;
      for (int j = from; j <= to; j++) {
        double best = i == 0 && j == 0 ? 0
            : Math.min(previous[j], j > 0 ? Math.min(previous[j - 1], current[j - 1]) : Double.POSITIVE_INFINITY);
        current[j] = cost(av, i, bv, j) + best;
        rowMinimum = Math.min(rowMinimum, current[j]);
      }
      if (rowMinimum > cutoff) {
        return Double.POSITIVE_INFINITY;
      }
      double[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[n - 1];
  }

  private static double cost(float[] a, int i, float[] b, int j) {
    int oa = i * ShapeFeatures.FEATURES;
    int ob = j * ShapeFeatures.FEATURES;
    double sum = 0;
    for (int f = 0; f < ShapeFeatures.FEATURES; f++) {
      sum += Math.abs(a[oa + f] - b[ob + f]);
    }
    return sum;
  }
}
