package io.chargen.model.classify;

import io.chargen.model.StrokeSequence;
import io.chargen.model.data.Transform;

/**
 * A letter as a fixed number of points evenly spaced along its pen path, normalised for position and size, with
 * a local writing direction and a pen-up flag per point: the representation {@link ShapeDtw} compares. Arc-length
 * resampling and size normalisation are the standard preprocessing of online handwriting recognisers (Tappert et
 * al., "The state of the art in on-line handwriting recognition", IEEE TPAMI 12(8), 1990, Sec. IV-B); direction
 * features follow Bahlmann and Burkhardt, "The writer independent online handwriting recognition system frog on
 * hand and cluster generative statistical dynamic time warping", IEEE TPAMI 26(3), 2004. The evaluation of these
 * choices on DigiLeTs is in docs/classification.md.
 *
 * <p>Steps: (1) pen positions = running sums of dx, dy; the move into a stroke's first point (stroke channel above
 * {@link Transform#STROKE_ONSET_THRESHOLD}) is a pen-up jump; (2) {@link ShapeOptions#points()} points at equal
 * arc length along the path, jumps included; (3) translate so their centroid is the origin and scale so their RMS
 * distance from it is 1 (invariant to the writer's position and size, and to the transform's per-sample divisor);
 * (4) per point, the feature vector (x, y, cos θ, sin θ, pen-up) with θ the direction from the previous to the
 * next point, each group multiplied by its weight so that {@link ShapeDtw}'s L1 point cost weights them.
 *
 * <p>Immutable.
 */
public final class ShapeFeatures {
  /** Features per point: x, y, cos θ, sin θ, pen-up. */
  public static final int FEATURES = 5;

  private final float[] values;
  private final int points;

  private ShapeFeatures(float[] values, int points) {
    this.values = values;
    this.points = points;
  }

  /**
   * @param sequence a letter in the network's (dx, dy, pressure, stroke) space
   * @param options resampling and feature weights
   * @return its features
   */
  public static ShapeFeatures of(StrokeSequence sequence, ShapeOptions options) {
    return of(sequence.positions(), penUpFlags(sequence), options);
  }

  /**
   * @param xy pen positions, T rows of (x, y), T ≥ 1
   * @param penUp per position, whether the move into it was a pen-up jump
   * @param options resampling and feature weights
   * @return the features
   * @throws IllegalArgumentException if there are no positions or the arrays differ in length
   */
  static ShapeFeatures of(float[][] xy, boolean[] penUp, ShapeOptions options) {
    if (xy.length == 0 || xy.length != penUp.length) {
      throw new IllegalArgumentException("need at least one position and one pen flag per position, got "
          + xy.length + " positions and " + penUp.length + " flags");
    }
    int n = options.points();
    float[][] path = ArcLength.resample(xy, penUp, n);
    normalise(path);
    float[] values = new float[n * FEATURES];
    for (int k = 0; k < n; k++) {
      float[] from = path[Math.max(0, k - 1)];
      float[] to = path[Math.min(n - 1, k + 1)];
      double angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
      boolean still = to[0] == from[0] && to[1] == from[1];
      int o = k * FEATURES;
      values[o] = (float) (options.positionWeight() * path[k][0]);
      values[o + 1] = (float) (options.positionWeight() * path[k][1]);
      values[o + 2] = still ? 0 : (float) (options.directionWeight() * Math.cos(angle));
      values[o + 3] = still ? 0 : (float) (options.directionWeight() * Math.sin(angle));
      values[o + 4] = (float) (options.penUpWeight() * path[k][2]);
    }
    return new ShapeFeatures(values, n);
  }

  /** Per step, whether the move into it lifted the pen: a stroke onset after the first step. */
  static boolean[] penUpFlags(StrokeSequence sequence) {
    boolean[] up = new boolean[sequence.length()];
    for (int t = 1; t < up.length; t++) {
      up[t] = sequence.get(t, StrokeSequence.STROKE) > Transform.STROKE_ONSET_THRESHOLD;
    }
    return up;
  }

  /** Centroid to the origin, RMS radius to 1 (left alone when all points coincide). */
  private static void normalise(float[][] path) {
    double cx = 0;
    double cy = 0;
    for (float[] p : path) {
      cx += p[0];
      cy += p[1];
    }
    cx /= path.length;
    cy /= path.length;
    double sumSquares = 0;
    for (float[] p : path) {
      sumSquares += (p[0] - cx) * (p[0] - cx) + (p[1] - cy) * (p[1] - cy);
    }
    double rms = Math.sqrt(sumSquares / path.length);
    double scale = rms > 0 ? 1 / rms : 1;
    for (float[] p : path) {
      p[0] = (float) ((p[0] - cx) * scale);
      p[1] = (float) ((p[1] - cy) * scale);
    }
  }

  /** @return the number of resampled points */
  public int points() {
    return points;
  }

  /**
   * @param point 0..points−1
   * @param feature 0..{@link #FEATURES}−1
   * @return the weighted feature value
   */
  public float get(int point, int feature) {
    return values[point * FEATURES + feature];
  }

  /** @return the weighted features, point-major; shared, not copied, for DTW's inner loop */
  float[] values() {
    return values;
  }
}
