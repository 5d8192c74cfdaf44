package io.chargen.model.classify;

import io.chargen.model.StrokeSequence;

/** Tiny hand-made letters for DTW tests: steps of (dx, dy) with pressure 1 and one stroke. */
final class Letters {
  private Letters() {
  }

  /** @param dxdy pairs dx0, dy0, dx1, dy1, ... */
  static StrokeSequence of(float... dxdy) {
    float[][] steps = new float[dxdy.length / 2][];
    for (int t = 0; t < steps.length; t++) {
      steps[t] = new float[] {dxdy[2 * t], dxdy[2 * t + 1], 1f, t == 0 ? 1f : 0f};
    }
    return StrokeSequence.ofSteps(steps);
  }
}
