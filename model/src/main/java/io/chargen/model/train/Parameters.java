package io.chargen.model.train;

import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.optim.Adam;

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

  /** One Adam step with a batch's mean gradient. */
  void apply(Gradients mean) {
    for (int k = 0; k < codes.length; k++) {
      codeAdams[k].update(codes[k], mean.codes()[k]);
    }
    wIhAdam.update(wIh, mean.wIh());
    wHhAdam.update(wHh, mean.wHh());
    wOutAdam.update(wOut, mean.wOut());
  }
}
