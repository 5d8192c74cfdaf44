package io.chargen.model;

import java.util.Arrays;

/**
 * A letter in the network's own space: T steps of (dx, dy, pressure, stroke-onset), the targets and outputs of the
 * paper's model (Fabi et al. 2020, Sec. 2: "the network generates the trajectory as a sequence of displacement
 * vectors plus pressure and stroke information").
 *
 * <p>Immutable; the values are kept row-major in one array.
 */
public final class StrokeSequence {
  /** Channels per step: dx, dy, pressure, stroke onset. */
  public static final int CHANNELS = 4;
  /** Channel index of the horizontal displacement. */
  public static final int DX = 0;
  /** Channel index of the vertical displacement (y grows downwards, as on the tablet). */
  public static final int DY = 1;
  /** Channel index of the pen pressure. */
  public static final int PRESSURE = 2;
  /** Channel index of the stroke-onset flag (1 on the first point of a stroke). */
  public static final int STROKE = 3;

  private final float[] values;

  private StrokeSequence(float[] values) {
    this.values = values;
  }

  /**
   * Wraps row-major values (step-major, 4 channels per step).
   *
   * @param values T×4 values; copied
   * @return the sequence
   * @throws IllegalArgumentException if the length is not a positive multiple of 4 or a value is not finite
   */
  public static StrokeSequence of(float[] values) {
    if (values.length == 0 || values.length % CHANNELS != 0) {
      throw new IllegalArgumentException(
          "a stroke sequence needs a positive multiple of " + CHANNELS + " values, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "stroke sequence value at step " + i / CHANNELS + ", channel " + i % CHANNELS + " is " + values[i]);
      }
    }
    return new StrokeSequence(values.clone());
  }

  /**
   * Builds a sequence from per-step rows.
   *
   * @param steps T rows of 4 values each
   * @return the sequence
   */
  public static StrokeSequence ofSteps(float[][] steps) {
    float[] flat = new float[steps.length * CHANNELS];
    for (int t = 0; t < steps.length; t++) {
      if (steps[t].length != CHANNELS) {
        throw new IllegalArgumentException("step " + t + " has " + steps[t].length + " values, expected " + CHANNELS);
      }
      System.arraycopy(steps[t], 0, flat, t * CHANNELS, CHANNELS);
    }
    return of(flat);
  }

  /** @return the number of steps T */
  public int length() {
    return values.length / CHANNELS;
  }

  /**
   * @param step step index 0..T-1
   * @param channel one of {@link #DX}, {@link #DY}, {@link #PRESSURE}, {@link #STROKE}
   * @return the value
   */
  public float get(int step, int channel) {
    return values[step * CHANNELS + channel];
  }

  /** @return a copy of the row-major values */
  public float[] toArray() {
    return values.clone();
  }

  /** @return a copy as T rows of 4 values */
  public float[][] toSteps() {
    float[][] steps = new float[length()][];
    for (int t = 0; t < steps.length; t++) {
      steps[t] = Arrays.copyOfRange(values, t * CHANNELS, (t + 1) * CHANNELS);
    }
    return steps;
  }

  /**
   * Pen positions for drawing: the running sums of dx and dy, starting at the origin (data README, "The transform").
   *
   * @return T rows of (x, y)
   */
  public float[][] positions() {
    float[][] xy = new float[length()][2];
    float x = 0;
    float y = 0;
    for (int t = 0; t < xy.length; t++) {
      x += get(t, DX);
      y += get(t, DY);
      xy[t][0] = x;
      xy[t][1] = y;
    }
    return xy;
  }

  /**
   * The paper's error measure: mean over steps and the 4 channels of the squared difference. When the lengths
   * differ, the shorter sequence is compared over its own length (generations are run to the target's length).
   *
   * @param other the sequence to compare with
   * @return the per-sample mean squared error
   */
  public double meanSquaredError(StrokeSequence other) {
    int n = Math.min(values.length, other.values.length);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = values[i] - other.values[i];
      sum += d * d;
    }
    return sum / n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrokeSequence s && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "StrokeSequence[" + length() + " steps]";
  }
}
