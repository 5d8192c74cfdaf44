package io.chargen.model.classify;

import io.chargen.model.StrokeSequence;
import java.util.Arrays;

/**
 * Dynamic time warping distance between two letters on their pen positions, the baseline the project compares the
 * paper's input-inference classifier with (data README, "Reference numbers": "DTW 1-nearest-neighbour on positions";
 * Fabi et al. 2020, Sec. 3.4 classify by inferring the input instead).
 *
 * <p>Positions are the running sums of dx and dy ({@link StrokeSequence#positions()}); the cost of matching two
 * points is their L1 distance |x<sub>a</sub> − x<sub>b</sub>| + |y<sub>a</sub> − y<sub>b</sub>|. The classic
 * recursion D(i, j) = cost(i, j) + min(D(i−1, j−1), D(i−1, j), D(i, j−1)) with D(0, 0) = cost(0, 0) is summed
 * along the cheapest warping path from (0, 0) to (n−1, m−1); pressure and stroke channels are ignored.
 *
 * <p>Runs in O(n·m) time (O(n·w) with a band of half-width w) and O(m) memory: two rolling rows, no allocation
 * per cell. Instances are immutable and thread-safe.
 */
public final class Dtw {
  /** Band half-width meaning "no Sakoe-Chiba band": every alignment is allowed. */
  public static final int NO_BAND = Integer.MAX_VALUE;

  private final int band;

  private Dtw(int band) {
    this.band = band;
  }

  /** @return DTW without a band constraint (the project's baseline) */
  public static Dtw unconstrained() {
    return new Dtw(NO_BAND);
  }

  /**
   * DTW restricted to a Sakoe-Chiba band: cell (i, j) is allowed only when |i − j| ≤ w. When the lengths differ
   * by more than w, the band is widened to the length difference so that a path always exists.
   *
   * @param halfWidth band half-width w ≥ 0, or {@link #NO_BAND}
   * @return the banded distance
   * @throws IllegalArgumentException if the half-width is negative
   */
  public static Dtw withBand(int halfWidth) {
    if (halfWidth < 0) {
      throw new IllegalArgumentException("Sakoe-Chiba band half-width must be >= 0, got " + halfWidth);
    }
    return new Dtw(halfWidth);
  }

  /** @return the band half-width, {@link #NO_BAND} when unconstrained */
  public int band() {
    return band;
  }

  /**
   * @param a one letter
   * @param b another letter
   * @return the DTW distance between their pen positions (≥ 0, symmetric, 0 for identical positions)
   */
  public double distance(StrokeSequence a, StrokeSequence b) {
    return distance(Positions.of(a), Positions.of(b), Double.POSITIVE_INFINITY);
  }

  /**
   * @param a one letter
   * @param b another letter
   * @return the DTW distance between their size-normalised pen positions (dx and dy divided by their largest
   *     absolute value, as the authors' transform does)
   */
  public double sizeNormalisedDistance(StrokeSequence a, StrokeSequence b) {
    return distance(Positions.of(a, true), Positions.of(b, true), Double.POSITIVE_INFINITY);
  }

  /**
   * Distance with early abandoning: once every cell of a row exceeds the cutoff, the final distance must too
   * (costs are non-negative), and the computation stops.
   *
   * @param a positions of one letter
   * @param b positions of another letter
   * @param cutoff abandon when the distance is certain to exceed this
   * @return the distance, or {@link Double#POSITIVE_INFINITY} when it exceeds the cutoff
   */
  double distance(Positions a, Positions b, double cutoff) {
    int n = a.length();
    int m = b.length();
    int w = band == NO_BAND ? NO_BAND : Math.max(band, Math.abs(n - m));
    double[] previous = new double[m];
    double[] current = new double[m];
    Arrays.fill(previous, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      double rowMinimum = fillRow(a, b, i, w, previous, current);
      if (rowMinimum > cutoff) {
        return Double.POSITIVE_INFINITY;
      }
      double[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[m - 1];
  }

  /** Fills row i of the accumulated-cost matrix from row i−1; returns the row's minimum. */
  private static double fillRow(Positions a, Positions b, int i, int w, double[] previous, double[] current) {
    int m = b.length();
    int from = w == NO_BAND ? 0 : Math.max(0, i - w);
    int to = w == NO_BAND ? m - 1 : (int) Math.min(m - 1L, (long) i + w);
    float ax = a.x(i);
    float ay = a.y(i);
    double rowMinimum = Double.POSITIVE_INFINITY;
    if (from > 0) {
      current[from - 1] = Double.POSITIVE_INFINITY;
    }
    for (int j = from; j <= to; j++) {
      double cost = Math.abs((double) ax - b.x(j)) + Math.abs((double) ay - b.y(j));
      double best;
      if (i == 0 && j == 0) {
        best = 0;
      } else {
        double left = j > 0 ? current[j - 1] : Double.POSITIVE_INFINITY;
        double diagonal = j > 0 ? previous[j - 1] : Double.POSITIVE_INFINITY;
        best = Math.min(diagonal, Math.min(previous[j], left));
      }
      current[j] = cost + best;
      rowMinimum = Math.min(rowMinimum, current[j]);
    }
    if (to < m - 1) {
      current[to + 1] = Double.POSITIVE_INFINITY;
    }
    return rowMinimum;
  }
}
