package io.chargen.launcher.figures;

import java.awt.Color;

/**
 * A diverging colour scale symmetric around zero: dark blue (−limit) through near-white (0) to dark red (+limit),
 * the anchors of ColorBrewer's RdBu scheme (Brewer, colorbrewer2.org), so sign and size of hidden activations read
 * at a glance. Values beyond ±limit get the end colours.
 */
public final class DivergingScale {
  private static final int[][] ANCHORS = {
      {0x05, 0x30, 0x61}, {0x43, 0x93, 0xc3}, {0xf7, 0xf7, 0xf7}, {0xd6, 0x60, 0x4d}, {0x67, 0x00, 0x1f}};

  private final double limit;

  /**
   * @param limit the magnitude that gets the darkest colours; must be positive
   * @throws IllegalArgumentException if it is not positive and finite
   */
  public DivergingScale(double limit) {
    if (!(limit > 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("colour scale limit must be positive and finite, got " + limit);
    }
    this.limit = limit;
  }

  /**
   * @param values a matrix
   * @return a scale whose limit is the largest magnitude in it (1 if all are zero)
   */
  public static DivergingScale symmetricAround0(float[][] values) {
    double max = 0;
    for (float[] row : values) {
      for (float v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return new DivergingScale(max > 0 ? max : 1);
  }

  /** @return the magnitude mapped to the end colours */
  public double limit() {
    return limit;
  }

  /**
   * @param value a value
   * @return its colour
   */
  public Color colour(double value) {
    double u = (Math.max(-1, Math.min(1, value / limit)) + 1) / 2 * (ANCHORS.length - 1);
    int i = Math.min(ANCHORS.length - 2, (int) Math.floor(u));
    double f = u - i;
    int[] a = ANCHORS[i];
    int[] b = ANCHORS[i + 1];
    return new Color(mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
