package io.chargen.model.classify;

import io.chargen.model.StrokeSequence;

/**
 * Pen positions of a letter in two flat arrays, precomputed once so that DTW's inner loop reads primitives only.
 * Positions are the running sums of dx and dy, as in {@link StrokeSequence#positions()}.
 */
final class Positions {
  private final float[] xs;
  private final float[] ys;

  private Positions(float[] xs, float[] ys) {
    this.xs = xs;
    this.ys = ys;
  }

  static Positions of(StrokeSequence sequence) {
    float[][] xy = sequence.positions();
    float[] xs = new float[xy.length];
    float[] ys = new float[xy.length];
    for (int t = 0; t < xy.length; t++) {
      xs[t] = xy[t][0];
      ys[t] = xy[t][1];
    }
    return new Positions(xs, ys);
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
