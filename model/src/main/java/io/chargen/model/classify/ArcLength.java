package io.chargen.model.classify;

/**
 * Resampling of a pen path at equal arc-length spacing (Tappert et al. 1990, Sec. IV-B: "resampling ... to points
 * equidistant in space" removes the writer's speed from the shape). Pen-up jumps between strokes are part of the
 * path, so a letter stays one curve; each resampled point records whether it lies on such a jump.
 */
final class ArcLength {
  private ArcLength() {}

  /**
   * @param xy T ≥ 1 positions
   * @param penUp per position, whether the segment into it is a pen-up jump
   * @param n number of output points, ≥ 2
   * @return n rows of (x, y, pen-up 0 or 1), the first at xy[0], the last at xy[T−1]; all at xy[0] when the path
   *     has no length
   */
  static float[][] resample(float[][] xy, boolean[] penUp, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("resampling needs at least 2 points, got " + n);
    }
    double[] cumulative = new double[xy.length];
    for (int t = 1; t < xy.length; t++) {
      cumulative[t] = cumulative[t - 1] + Math.hypot(xy[t][0] - xy[t - 1][0], xy[t][1] - xy[t - 1][1]);
    }
    double total = cumulative[xy.length - 1];
    float[][] out = new float[n][3];
    int segment = 1;
    for (int k = 0; k < n; k++) {
      double s = total * k / (n - 1);
      while (segment < xy.length - 1 && cumulative[segment] < s) {
        segment++;
      }
      if (xy.length == 1 || total == 0) {
        out[k][0] = xy[0][0];
        out[k][1] = xy[0][1];
        continue;
      }
      double length = cumulative[segment] - cumulative[segment - 1];
      double f = length > 0 ? (s - cumulative[segment - 1]) / length : 1;
      f = Math.max(0, Math.min(1, f));
      float[] a = xy[segment - 1];
      float[] b = xy[segment];
      out[k][0] = (float) (a[0] + f * (b[0] - a[0]));
      out[k][1] = (float) (a[1] + f * (b[1] - a[1]));
      out[k][2] = penUp[segment] && k > 0 && k < n - 1 ? 1 : 0;
    }
    return out;
  }
}
