package io.chargen.model.train;

import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.optim.Adam;
import java.util.List;

/** The trainable arrays of the network with one Adam state each. */
final class Parameters {
  private final float[][] codes;
  private final float[] wIh;
  private final float[] wHh;
  private final float[] wOut;
  private final Adam[] codeAdams;
  private final Adam wIhAdam;
  private final Adam wHhAdam;
  private final Adam wOutAdam;

  Parameters(LstmWeights start, double learningRate) {
    codes = start.copyCodes();
    wIh = start.wIh().clone();
    wHh = start.wHh().clone();
    wOut = start.wOut().clone();
    codeAdams = new Adam[codes.length];
    for (int k = 0; k < codes.length; k++) {
      codeAdams[k] = new Adam(codes[k].length, learningRate);
    }
    wIhAdam = new Adam(wIh.length, learningRate);
    wHhAdam = new Adam(wHh.length, learningRate);
    wOutAdam = new Adam(wOut.length, learningRate);
  }

  LstmWeights weights() {
    return new LstmWeights(codes, wIh, wHh, wOut);
  }

  /** Averages the samples' gradients in list order and takes one Adam step; returns the summed loss. */
  double apply(List<Gradients> gradients) {
    float scale = 1f / gradients.size();
    double loss = 0;
    float[][] dCodes = new float[codes.length][codes[0].length];
    float[] dWih = new float[wIh.length];
    float[] dWhh = new float[wHh.length];
    float[] dWout = new float[wOut.length];
    for (Gradients g : gradients) {
      loss += g.loss();
      for (int k = 0; k < codes.length; k++) {
        accumulate(dCodes[k], g.codes()[k], scale);
      }
      accumulate(dWih, g.wIh(), scale);
      accumulate(dWhh, g.wHh(), scale);
      accumulate(dWout, g.wOut(), scale);
    }
    for (int k = 0; k < codes.length; k++) {
      codeAdams[k].update(codes[k], dCodes[k]);
    }
    wIhAdam.update(wIh, dWih);
    wHhAdam.update(wHh, dWhh);
    wOutAdam.update(wOut, dWout);
    return loss;
  }

  private static void accumulate(float[] sum, float[] g, float scale) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += scale * g[i];
    }
  }
}
