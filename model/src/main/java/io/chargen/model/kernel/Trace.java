package io.chargen.model.kernel;

import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;

/**
 * The forward pass of the LSTM (PyTorch equations, no bias, gate order i, f, g, o) and, when kept, every step's
 * activations for backpropagation through time and for the hidden-state figures (Fabi et al. 2020, Sec. 3.5).
 */
final class Trace {
  final int hidden;
  final float[] output;
  /** Gate activations after their nonlinearity, T×4H, or one step's worth when not kept. */
  final float[] gates;
  final float[] cell;
  final float[] tanhCell;
  final float[] hiddenState;
  private final boolean keep;
  private final float[] h;
  private final float[] c;
  private final float[] pre;

  Trace(int steps, int hidden, boolean keep) {
    this.hidden = hidden;
    this.keep = keep;
    int stored = keep ? steps : 1;
    this.output = new float[steps * StrokeSequence.CHANNELS];
    this.gates = new float[stored * LstmWeights.GATES * hidden];
    this.cell = new float[stored * hidden];
    this.tanhCell = new float[stored * hidden];
    this.hiddenState = new float[stored * hidden];
    this.h = new float[hidden];
    this.c = new float[hidden];
    this.pre = new float[LstmWeights.GATES * hidden];
  }

  /** Advances one step with input projection {@code projected} = W_ih·z_t. */
  void step(LstmWeights weights, float[] projected, int t) {
    int g4 = pre.length;
    System.arraycopy(projected, 0, pre, 0, g4);
    Kernels.addTransposedProduct(weights.wHhTransposed(), h, pre, g4);
    int slot = keep ? t : 0;
    int gateBase = slot * g4;
    int base = slot * hidden;
    for (int j = 0; j < hidden; j++) {
      float i = Kernels.sigmoid(pre[j]);
      float f = Kernels.sigmoid(pre[hidden + j]);
      float g = (float) Math.tanh(pre[2 * hidden + j]);
      float o = Kernels.sigmoid(pre[3 * hidden + j]);
      c[j] = f * c[j] + i * g;
      float tc = (float) Math.tanh(c[j]);
      h[j] = o * tc;
      gates[gateBase + j] = i;
      gates[gateBase + hidden + j] = f;
      gates[gateBase + 2 * hidden + j] = g;
      gates[gateBase + 3 * hidden + j] = o;
      cell[base + j] = c[j];
      tanhCell[base + j] = tc;
      hiddenState[base + j] = h[j];
    }
    float[] wOut = weights.wOut();
    for (int ch = 0; ch < StrokeSequence.CHANNELS; ch++) {
      float sum = 0;
      for (int j = 0; j < hidden; j++) {
        sum += wOut[ch * hidden + j] * h[j];
      }
      output[t * StrokeSequence.CHANNELS + ch] = sum;
    }
  }

  float[][] cellStates() {
    return keep ? rows(cell) : null;
  }

  float[][] hiddenStates() {
    return keep ? rows(hiddenState) : null;
  }

  private float[][] rows(float[] flat) {
    float[][] r = new float[flat.length / hidden][hidden];
    for (int t = 0; t < r.length; t++) {
      System.arraycopy(flat, t * hidden, r[t], 0, hidden);
    }
    return r;
  }
}
