package io.chargen.model.dl4j;

import io.chargen.model.StrokeSequence;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between our arrays and DL4J's recurrent data format: one example, shape [1, features, T] (NCW), in
 * double precision.
 */
final class Sequences {
  private Sequences() {}

  /** @return T per-step rows of n values as a [1, n, T] array */
  static INDArray ofRows(float[][] rows) {
    int steps = rows.length;
    int n = rows[0].length;
    double[][][] data = new double[1][n][steps];
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < n; i++) {
        data[0][i][t] = rows[t][i];
      }
    }
    return Nd4j.createFromArray(data);
  }

  /** @return the same n values at each of T steps, as a [1, n, T] array */
  static INDArray constant(double[] values, int steps) {
    double[][][] data = new double[1][values.length][steps];
    for (int i = 0; i < values.length; i++) {
      java.util.Arrays.fill(data[0][i], values[i]);
    }
    return Nd4j.createFromArray(data);
  }

  /** @return a stroke sequence as a [1, 4, T] label array */
  static INDArray ofStrokes(StrokeSequence sequence) {
    return ofRows(sequence.toSteps());
  }

  /** @return a [1, 4, T] output array as a stroke sequence */
  static StrokeSequence toStrokes(INDArray output) {
    int steps = (int) output.size(2);
    float[] values = new float[steps * StrokeSequence.CHANNELS];
    for (int t = 0; t < steps; t++) {
      for (int ch = 0; ch < StrokeSequence.CHANNELS; ch++) {
        values[t * StrokeSequence.CHANNELS + ch] = (float) output.getDouble(0, ch, t);
      }
    }
    return StrokeSequence.of(values);
  }

  /** @return Σ_t of a [1, n, T] array, times {@code scale}: the gradient of an input held constant over time */
  static float[] sumOverTime(INDArray sequence, double scale) {
    return toFloats(sequence.sum(2), scale);
  }

  /** @return the values of an array holding one vector (any shape [1, n], [n], [1, n, 1]), times {@code scale} */
  static float[] toFloats(INDArray vector, double scale) {
    double[] values = vector.reshape(vector.length()).toDoubleVector();
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) (scale * values[i]);
    }
    return result;
  }
}
