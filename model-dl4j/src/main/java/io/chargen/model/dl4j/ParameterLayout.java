package io.chargen.model.dl4j;

import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;

/**
 * Converts between our weight layout ({@link LstmWeights}: PyTorch's row-major 4H×H matrices, gate order i, f, g, o)
 * and DL4J's parameter layout, in both directions.
 *
 * <p>DL4J multiplies row vectors from the left ({@code a = x·W}), so each of its matrices is the transpose of ours:
 * the input layer {@code W} is K×H (our codes as rows, no change needed), the LSTM's {@code W} is H_in×4H and
 * {@code RW} is H×4H, the output layer's {@code W} is H×4. And DL4J's LSTM packs its four column blocks in its own
 * order: {@code LSTMHelpers.activateHelper} applies the layer activation (tanh) to block 0 (the block input, PyTorch's
 * g), and the gate activation (sigmoid) to block 1 (forget gate f), block 2 (output gate o) and block 3 (its "input
 * modulation gate", PyTorch's input gate i): DL4J order g, f, o, i. Its cell update {@code c = f·c' + i·g} and
 * output {@code h = o·tanh(c)} are then exactly PyTorch's.
 */
final class ParameterLayout {
  /** For DL4J column block b (g, f, o, i), the PyTorch gate block it holds (i=0, f=1, g=2, o=3). */
  static final int[] DL4J_BLOCK_TO_PYTORCH = {2, 1, 3, 0};

  private ParameterLayout() {}

  /**
   * @param ours a 4H×H PyTorch-layout matrix (gate order i, f, g, o), row-major
   * @param hidden H
   * @return the H×4H DL4J-layout matrix (gate blocks g, f, o, i)
   */
  static double[][] lstmToDl4j(float[] ours, int hidden) {
    double[][] dl4j = new double[hidden][LstmWeights.GATES * hidden];
    for (int block = 0; block < LstmWeights.GATES; block++) {
      int pytorchBlock = DL4J_BLOCK_TO_PYTORCH[block];
      for (int unit = 0; unit < hidden; unit++) {
        int ourRow = (pytorchBlock * hidden + unit) * hidden;
        for (int j = 0; j < hidden; j++) {
          dl4j[j][block * hidden + unit] = ours[ourRow + j];
        }
      }
    }
    return dl4j;
  }

  /**
   * Inverse of {@link #lstmToDl4j}, with a scale applied (gradients are rescaled on the way back).
   *
   * @param dl4j an H×4H DL4J-layout matrix, as {@code get(row, column)} on a 2D array
   * @param hidden H
   * @param scale factor applied to every value
   * @return the 4H×H PyTorch-layout matrix, row-major
   */
  static float[] lstmFromDl4j(Matrix dl4j, int hidden, double scale) {
    float[] ours = new float[LstmWeights.GATES * hidden * hidden];
    for (int block = 0; block < LstmWeights.GATES; block++) {
      int pytorchBlock = DL4J_BLOCK_TO_PYTORCH[block];
      for (int unit = 0; unit < hidden; unit++) {
        int ourRow = (pytorchBlock * hidden + unit) * hidden;
        for (int j = 0; j < hidden; j++) {
          ours[ourRow + j] = (float) (scale * dl4j.get(j, block * hidden + unit));
        }
      }
    }
    return ours;
  }

  /** @return our 4×H output matrix as DL4J's H×4 */
  static double[][] outputToDl4j(float[] wOut, int hidden) {
    double[][] dl4j = new double[hidden][StrokeSequence.CHANNELS];
    for (int ch = 0; ch < StrokeSequence.CHANNELS; ch++) {
      for (int j = 0; j < hidden; j++) {
        dl4j[j][ch] = wOut[ch * hidden + j];
      }
    }
    return dl4j;
  }

  /** @return DL4J's H×4 output gradient as our row-major 4×H, scaled */
  static float[] outputFromDl4j(Matrix dl4j, int hidden, double scale) {
    float[] ours = new float[StrokeSequence.CHANNELS * hidden];
    for (int ch = 0; ch < StrokeSequence.CHANNELS; ch++) {
      for (int j = 0; j < hidden; j++) {
        ours[ch * hidden + j] = (float) (scale * dl4j.get(j, ch));
      }
    }
    return ours;
  }

  /** @return the K×H codes as DL4J's input-layer W (same layout) */
  static double[][] codesToDl4j(LstmWeights weights) {
    double[][] dl4j = new double[weights.concepts()][];
    for (int k = 0; k < dl4j.length; k++) {
      dl4j[k] = toDouble(weights.code(k));
    }
    return dl4j;
  }

  /** @return DL4J's K×H input-layer gradient as our codes gradient, scaled */
  static float[][] codesFromDl4j(Matrix dl4j, int concepts, int hidden, double scale) {
    float[][] ours = new float[concepts][hidden];
    for (int k = 0; k < concepts; k++) {
      for (int j = 0; j < hidden; j++) {
        ours[k][j] = (float) (scale * dl4j.get(k, j));
      }
    }
    return ours;
  }

  static double[] toDouble(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  /** Read access to a 2D array, so this class needs no ND4J type and is testable on plain arrays. */
  @FunctionalInterface
  interface Matrix {
    double get(int row, int column);
  }
}
