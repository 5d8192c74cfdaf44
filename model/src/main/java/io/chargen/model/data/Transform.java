package io.chargen.model.data;

import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's authors' transform from recorded pen points to the network's T×4 (dx, dy, pressure, stroke)
 * targets, exactly as data/README.md ("The transform the paper's authors used") specifies, and its inverse for
 * drawing.
 *
 * <ol>
 *   <li>drop the last point;
 *   <li>dx, dy = differences of consecutive x, y, 0 at the first point; keep pressure and pen_down;
 *   <li>divide each column by its maximum absolute value in the sample, except that dx and dy share
 *       max(max|dx|, max|dy|) so the letter keeps its aspect ratio; an all-zero column stays zero.
 * </ol>
 *
 * <p>An n-point letter gives n−1 steps: a 1-point letter gives none and is rejected; a 2-point letter gives one
 * step (0, 0, 1, 1) (pressure 0 if it was 0, stroke 0 if the first point was not pen-down). The same
 * {@link #apply(List)} serves recorded samples and raw live tablet input.
 */
public final class Transform {
  /** Points dropped from the end of a letter before differencing (data/README.md, transform step 1). */
  public static final int DROPPED_TAIL_POINTS = 1;
  /** A step starts a new stroke when its stroke channel exceeds this (the channel is 0/1 in the data). */
  public static final float STROKE_ONSET_THRESHOLD = 0.5f;
  /** Seconds between drawn points: the tablet records at about 50 Hz (data/README.md, "Files"). */
  public static final double NOMINAL_SAMPLE_INTERVAL_S = 1.0 / 50;

  private Transform() {}

  /**
   * Transforms a recorded letter.
   *
   * @param sample the raw sample
   * @return its (dx, dy, pressure, stroke) sequence of {@code sample.length() - 1} steps
   * @throws IllegalArgumentException if the sample has fewer than 2 points; the message names the sample
   */
  public static StrokeSequence apply(PenSample sample) {
    try {
      return apply(sample.points());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("letter '" + sample.label() + "', instance " + sample.instance()
          + " of writer " + sample.writer() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Transforms pen points, recorded or live from a tablet.
   *
   * @param points the points in time order
   * @return the (dx, dy, pressure, stroke) sequence of {@code points.size() - 1} steps
   * @throws IllegalArgumentException if there are fewer than 2 points (nothing is left after dropping the last)
   */
  public static StrokeSequence apply(List<PenPoint> points) {
    int steps = points.size() - DROPPED_TAIL_POINTS;
    if (steps < 1) {
      throw new IllegalArgumentException("the transform drops the last point, so a letter needs at least "
          + (DROPPED_TAIL_POINTS + 1) + " points, got " + points.size());
    }
    double[][] rows = differences(points, steps);
    double xyDivisor = Math.max(maxAbs(rows, StrokeSequence.DX), maxAbs(rows, StrokeSequence.DY));
    divide(rows, StrokeSequence.DX, xyDivisor);
    divide(rows, StrokeSequence.DY, xyDivisor);
    divide(rows, StrokeSequence.PRESSURE, maxAbs(rows, StrokeSequence.PRESSURE));
    divide(rows, StrokeSequence.STROKE, maxAbs(rows, StrokeSequence.STROKE));
    float[] flat = new float[steps * StrokeSequence.CHANNELS];
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < StrokeSequence.CHANNELS; c++) {
        flat[t * StrokeSequence.CHANNELS + c] = (float) rows[t][c];
      }
    }
    return StrokeSequence.of(flat);
  }

  /**
   * Pen positions for drawing: running sums of dx, dy from the origin, i.e. the kept points' offsets from the
   * first point divided by the shared dx/dy divisor (the inverse up to scale and translation).
   *
   * @param sequence the sequence
   * @return T rows of (x, y)
   */
  public static float[][] positions(StrokeSequence sequence) {
    return sequence.positions();
  }

  /**
   * Turns a sequence back into pen points: positions as in {@link #positions}, the sequence's pressure,
   * {@code penDown} where the stroke channel exceeds {@link #STROKE_ONSET_THRESHOLD}, and t at the nominal 50 Hz.
   *
   * @param sequence the sequence, e.g. a generated letter
   * @return one point per step
   */
  public static List<PenPoint> toPenPoints(StrokeSequence sequence) {
    float[][] xy = sequence.positions();
    List<PenPoint> points = new ArrayList<>(xy.length);
    for (int t = 0; t < xy.length; t++) {
      boolean onset = sequence.get(t, StrokeSequence.STROKE) > STROKE_ONSET_THRESHOLD;
      points.add(new PenPoint(xy[t][0], xy[t][1], sequence.get(t, StrokeSequence.PRESSURE), onset,
          t * NOMINAL_SAMPLE_INTERVAL_S));
    }
    return points;
  }

  /**
   * Splits a sequence into strokes for drawing: a new stroke starts at each step whose stroke channel exceeds
   * {@link #STROKE_ONSET_THRESHOLD}; the first step always starts one. The pen is lifted between strokes, so the
   * displacement into a stroke's first point is not drawn.
   *
   * @param sequence the sequence
   * @return the strokes in order, each non-empty
   */
  public static List<List<PenPoint>> toStrokes(StrokeSequence sequence) {
    List<List<PenPoint>> strokes = new ArrayList<>();
    List<PenPoint> current = null;
    for (PenPoint p : toPenPoints(sequence)) {
      if (current == null || p.penDown()) {
        current = new ArrayList<>();
        strokes.add(current);
      }
      current.add(p);
    }
    return strokes.stream().map(List::copyOf).toList();
  }

  private static double[][] differences(List<PenPoint> points, int steps) {
    double[][] rows = new double[steps][StrokeSequence.CHANNELS];
    for (int t = 0; t < steps; t++) {
      PenPoint p = points.get(t);
      if (t > 0) {
        rows[t][StrokeSequence.DX] = p.x() - points.get(t - 1).x();
        rows[t][StrokeSequence.DY] = p.y() - points.get(t - 1).y();
      }
      rows[t][StrokeSequence.PRESSURE] = p.pressure();
      rows[t][StrokeSequence.STROKE] = p.penDown() ? 1 : 0;
    }
    return rows;
  }

  private static double maxAbs(double[][] rows, int channel) {
    double max = 0;
    for (double[] row : rows) {
      max = Math.max(max, Math.abs(row[channel]));
    }
    return max;
  }

  /** Divides a column in place; a zero divisor means an all-zero column, which stays zero. */
  private static void divide(double[][] rows, int channel, double divisor) {
    if (divisor == 0) {
      return;
    }
    for (double[] row : rows) {
      row[channel] /= divisor;
    }
  }
}
