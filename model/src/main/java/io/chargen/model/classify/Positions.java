package io.chargen.model.classify;

import io.chargen.model.StrokeSequence;

/**
 * Pen positions of a letter in two flat arrays, precomputed once so that DTW's inner loop reads primitives only.
 * Positions are the running sums of dx and dy, as in {@link StrokeSequence#positions()}; optionally size-normalised
 * the way the authors' transform normalises every recorded letter (data README, transform step 3): dx and dy divided
 * by their largest absolute value. A real letter is unchanged by it; a generation, which the network may draw with
 * smaller or larger steps, is brought to the same scale (issue 13's protocol).
 */
final class Positions {
  private final float[] xs;
  private final float[] ys;

  private Positions(float[] xs, float[] ys) {
    this.xs = xs;
    this.ys = ys;
  }

  static Positions of(StrokeSequence sequence) {
    return of(sequence, false);
  }

  static Positions of(StrokeSequence sequence, boolean sizeNormalised) {
    float[][] xy = sequence.positions();
    if (sizeNormalised) {
      normalise(xy, sequence);
    }
    float[] xs = new float[xy.length];
    float[] ys = new float[xy.length];
    for (int t = 0; t < xy.length; t++) {
      xs[t] = xy[t][0];
      ys[t] = xy[t][1];
    }
    return new Positions(xs, ys);
  }

  /** Divides every position by the largest |dx| or |dy| of a step (left alone when the letter does not move). */
  private static void normalise(float[][] xy, StrokeSequence sequence) {
    double largest = 0;
    for (int t = 0; t < sequence.length(); t++) {
      largest = Math.max(largest, Math.max(Math.abs(sequence.get(t, StrokeSequence.DX)),
          Math.abs(sequence.get(t, StrokeSequence.DY))));
    }
    if (largest > 0) {
      for (float[] p : xy) {
        p[0] = (float) (p[0] / largest);
        p[1] = (float) (p[1] / largest);
      }
    }
  }

  int length() {
    return xs.length;
  }

  float x(int t) {
    return xs[t];
  }

  float y(int t) {
    return ys[t];
  }
}
