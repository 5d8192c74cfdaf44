package io.chargen.model.dl4j;

import io.chargen.model.StrokeSequence;
import java.util.Random;

/** Seeded inputs and targets, and the error measure the backend tests compare with. */
final class Fixtures {
  private Fixtures() {}

  /** @return T steps of targets: Gaussian displacements and pressure, 0/1 stroke-onset flags */
  static StrokeSequence randomTarget(int steps, long seed) {
    Random random = new Random(seed);
    float[] values = new float[steps * StrokeSequence.CHANNELS];
    for (int t = 0; t < steps; t++) {
      values[t * StrokeSequence.CHANNELS + StrokeSequence.DX] = (float) random.nextGaussian();
      values[t * StrokeSequence.CHANNELS + StrokeSequence.DY] = (float) random.nextGaussian();
      values[t * StrokeSequence.CHANNELS + StrokeSequence.PRESSURE] = random.nextFloat();
      values[t * StrokeSequence.CHANNELS + StrokeSequence.STROKE] = random.nextInt(4) == 0 ? 1 : 0;
    }
    return StrokeSequence.of(values);
  }

  /** @return K values uniform in [0, 1): a blend-like input vector touching every concept */
  static float[] randomInput(int concepts, long seed) {
    Random random = new Random(seed);
    float[] x = new float[concepts];
    for (int k = 0; k < concepts; k++) {
      x[k] = random.nextFloat();
    }
    return x;
  }

  /** @return T copies of {@code input}, each with Gaussian noise of deviation {@code sigma} (the paper's variants) */
  static float[][] noisyInputs(float[] input, int steps, float sigma, long seed) {
    Random random = new Random(seed);
    float[][] inputs = new float[steps][input.length];
    for (int t = 0; t < steps; t++) {
      for (int k = 0; k < input.length; k++) {
        inputs[t][k] = input[k] + sigma * (float) random.nextGaussian();
      }
    }
    return inputs;
  }

  /** @return T copies of {@code input} */
  static float[][] constantInputs(float[] input, int steps) {
    float[][] inputs = new float[steps][];
    for (int t = 0; t < steps; t++) {
      inputs[t] = input.clone();
    }
    return inputs;
  }

  /** @return max|actual − expected| / max(max|expected|, 1e-6) */
  static double relativeError(float[] actual, float[] expected) {
    if (actual.length != expected.length) {
      throw new AssertionError("lengths differ: " + actual.length + " vs " + expected.length);
    }
    double maxDiff = 0;
    double maxExpected = 0;
    for (int i = 0; i < actual.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs((double) actual[i] - expected[i]));
      maxExpected = Math.max(maxExpected, Math.abs(expected[i]));
    }
    return maxDiff / Math.max(maxExpected, 1e-6);
  }

  /** @return the rows concatenated */
  static float[] flatten(float[][] rows) {
    int n = 0;
    for (float[] row : rows) {
      n += row.length;
    }
    float[] flat = new float[n];
    int offset = 0;
    for (float[] row : rows) {
      System.arraycopy(row, 0, flat, offset, row.length);
      offset += row.length;
    }
    return flat;
  }
}
