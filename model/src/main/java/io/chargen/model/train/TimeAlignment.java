package io.chargen.model.train;

import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The target of the time-aligned MSE (issue 7): a training letter re-timed onto the model's own clock. Writers draw
 * the same stroke at different speeds, so the paper's per-step MSE (Fabi et al. 2020, Sec. 2) pulls an open-loop
 * generator towards the average of differently timed strokes, a blurred letter. Here dynamic time warping on pen
 * positions first pairs every generated step with the point of the target it is drawing; the target is then
 * re-sampled at those points and the paper's MSE applies to the re-timed target. With the alignment held fixed this
 * is the exact gradient of the aligned loss (the subgradient of DTW), and the backends need no change.
 *
 * <p>The warp is confined to a Sakoe–Chiba band so that a stroke cannot be matched to a far-away part of the letter.
 * Immutable and thread-safe.
 */
public final class TimeAlignment {
  /** Band half-width as a fraction of the letter's length: a stroke may run up to 20 % early or late. */
  public static final double DEFAULT_BAND_FRACTION = 0.2;
  /** Smallest band half-width in steps (unless the band is 0), so that short letters can still be re-timed. */
  public static final int MIN_BAND = 3;

  private final double bandFraction;

  /** @param bandFraction band half-width as a fraction of the length, in [0, 1] */
  public TimeAlignment(double bandFraction) {
    if (!(bandFraction >= 0 && bandFraction <= 1)) {
      throw new IllegalArgumentException("band fraction must be in [0, 1], got " + bandFraction);
    }
    this.bandFraction = bandFraction;
  }

  /**
   * Re-times the target onto the generated sequence's clock. Step t of the result ends at the mean of the target
   * points DTW pairs with generated step t (the averaging step of DTW barycentre averaging), so a stretch of the
   * target matched to one step is not collapsed into one jerky jump; its pressure and pen state are those of the
   * target point at the mean index. The result runs along the target's path and ends at its end.
   *
   * @param generated the model's output for this sample, as long as the target
   * @param target the training letter
   * @return the re-timed target, as long as the target
   */
  public StrokeSequence retime(StrokeSequence generated, StrokeSequence target) {
    int steps = target.length();
    if (generated.length() != steps) {
      throw new IllegalArgumentException("generated length " + generated.length() + " != target length " + steps);
    }
    float[][] targetXy = target.positions();
    double[][] paired = pairedMeans(align(generated.positions(), targetXy), targetXy);
    float[][] out = new float[steps][StrokeSequence.CHANNELS];
    double prevX = 0;
    double prevY = 0;
    for (int t = 0; t < steps; t++) {
      int j = (int) Math.round(paired[t][2]);
      out[t][StrokeSequence.DX] = (float) (paired[t][0] - prevX);
      out[t][StrokeSequence.DY] = (float) (paired[t][1] - prevY);
      out[t][StrokeSequence.PRESSURE] = target.get(j, StrokeSequence.PRESSURE);
      out[t][StrokeSequence.STROKE] = target.get(j, StrokeSequence.STROKE);
      prevX = paired[t][0];
      prevY = paired[t][1];
    }
    return StrokeSequence.ofSteps(out);
  }

  /** Per generated step: mean x, mean y and mean index of the target points on its part of the path. */
  private static double[][] pairedMeans(List<int[]> path, float[][] targetXy) {
    double[][] sums = new double[targetXy.length][4];
    for (int[] cell : path) {
      double[] s = sums[cell[0]];
      s[0] += targetXy[cell[1]][0];
      s[1] += targetXy[cell[1]][1];
      s[2] += cell[1];
      s[3]++;
    }
    for (double[] s : sums) {
      s[0] /= s[3];
      s[1] /= s[3];
      s[2] /= s[3];
    }
    return sums;
  }

  /** The cheapest monotone path of (generated step, target step) cells in the band, squared Euclidean cost. */
  List<int[]> align(float[][] a, float[][] b) {
    int n = a.length;
    int band = bandFraction == 0 ? 0 : Math.max(MIN_BAND, (int) Math.ceil(bandFraction * n));
    double[][] cost = new double[n][n];
    for (double[] row : cost) {
      Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    for (int i = 0; i < n; i++) {
      for (int j = Math.max(0, i - band); j <= Math.min(n - 1, i + band); j++) {
        double dx = a[i][0] - b[j][0];
        double dy = a[i][1] - b[j][1];
        double before = 0;
        if (i > 0 || j > 0) {
          int[] p = predecessor(cost, i, j);
          before = cost[p[0]][p[1]];
        }
        cost[i][j] = before + dx * dx + dy * dy;
      }
    }
    return backtrack(cost);
  }

  /** The cell the cheapest path into (i, j) comes from; the diagonal wins ties. */
  private static int[] predecessor(double[][] cost, int i, int j) {
    double diagonal = i > 0 && j > 0 ? cost[i - 1][j - 1] : Double.POSITIVE_INFINITY;
    double up = i > 0 ? cost[i - 1][j] : Double.POSITIVE_INFINITY;
    double left = j > 0 ? cost[i][j - 1] : Double.POSITIVE_INFINITY;
    if (diagonal <= up && diagonal <= left) {
      return new int[] {i - 1, j - 1};
    }
    return up <= left ? new int[] {i - 1, j} : new int[] {i, j - 1};
  }

  /** Walks the cheapest path back from the end; returns its cells from the end to the start. */
  private static List<int[]> backtrack(double[][] cost) {
    List<int[]> path = new ArrayList<>();
    int[] cell = {cost.length - 1, cost.length - 1};
    path.add(cell);
    while (cell[0] > 0 || cell[1] > 0) {
      cell = predecessor(cost, cell[0], cell[1]);
      path.add(cell);
    }
    return path;
  }
}
