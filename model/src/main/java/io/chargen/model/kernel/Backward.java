package io.chargen.model.kernel;

import io.chargen.model.GradientPart;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import java.util.Set;

/**
 * Backpropagation through time of the paper's MSE (mean over steps and 4 channels) for a sequence with a constant
 * input, over a {@link Trace} that kept every step.
 */
final class Backward {
  private static final int CH = StrokeSequence.CHANNELS;

  final float[] gateSum;
  final float[] dWhh;
  final float[] dWout;
  double loss;
  private final LstmWeights weights;
  private final Trace trace;
  private final StrokeSequence target;
  private final int hidden;

  Backward(LstmWeights weights, Trace trace, StrokeSequence target, Set<GradientPart> parts) {
    this.weights = weights;
    this.trace = trace;
    this.target = target;
    this.hidden = weights.hidden();
    int g4 = LstmWeights.GATES * hidden;
    this.gateSum = new float[g4];
    this.dWhh = parts.contains(GradientPart.RECURRENT_WEIGHTS) ? new float[g4 * hidden] : null;
    this.dWout = parts.contains(GradientPart.OUTPUT_WEIGHTS) ? new float[CH * hidden] : null;
  }

  void run() {
    int steps = target.length();
    double scale = 2.0 / (steps * CH);
    float[] dh = new float[hidden];
    float[] dhNext = new float[hidden];
    float[] dcNext = new float[hidden];
    float[] da = new float[LstmWeights.GATES * hidden];
    double sumSquares = 0;
    for (int t = steps - 1; t >= 0; t--) {
      System.arraycopy(dhNext, 0, dh, 0, hidden);
      sumSquares += outputGradient(t, scale, dh);
      gateGradients(t, dh, dcNext, da);
      for (int r = 0; r < da.length; r++) {
        gateSum[r] += da[r];
      }
      if (dWhh != null && t > 0) {
        for (int r = 0; r < da.length; r++) {
          Kernels.axpy(da[r], trace.hiddenState, (t - 1) * hidden, dWhh, r * hidden, hidden);
        }
      }
      java.util.Arrays.fill(dhNext, 0);
      Kernels.addProductOfTranspose(weights.wHh(), da, dhNext);
    }
    loss = sumSquares / (steps * CH);
  }

  /** Adds dL/dh_t from the output layer into dh; accumulates dW_out; returns the step's squared error. */
  private double outputGradient(int t, double scale, float[] dh) {
    float[] wOut = weights.wOut();
    double squares = 0;
    for (int ch = 0; ch < CH; ch++) {
      double diff = trace.output[t * CH + ch] - target.get(t, ch);
      squares += diff * diff;
      float dy = (float) (scale * diff);
      Kernels.axpy(dy, wOut, ch * hidden, dh, 0, hidden);
      if (dWout != null) {
        Kernels.axpy(dy, trace.hiddenState, t * hidden, dWout, ch * hidden, hidden);
      }
    }
    return squares;
  }

  /** dL/d(pre-activation) of the four gates at step t; carries the cell gradient to step t-1. */
  private void gateGradients(int t, float[] dh, float[] dcNext, float[] da) {
    int gateBase = t * LstmWeights.GATES * hidden;
    int base = t * hidden;
    for (int j = 0; j < hidden; j++) {
      float i = trace.gates[gateBase + j];
      float f = trace.gates[gateBase + hidden + j];
      float g = trace.gates[gateBase + 2 * hidden + j];
      float o = trace.gates[gateBase + 3 * hidden + j];
      float tc = trace.tanhCell[base + j];
      float cPrev = t > 0 ? trace.cell[base - hidden + j] : 0f;
      float dc = dcNext[j] + dh[j] * o * (1 - tc * tc);
      dcNext[j] = dc * f;
      da[j] = dc * g * i * (1 - i);
      da[hidden + j] = dc * cPrev * f * (1 - f);
      da[2 * hidden + j] = dc * i * (1 - g * g);
      da[3 * hidden + j] = dh[j] * tc * o * (1 - o);
    }
  }

  /** dL/dz = W_ihᵀ · Σ_t dL/da_t (the input is constant over time). */
  float[] projectedInputGradient() {
    float[] dz = new float[hidden];
    Kernels.addProductOfTranspose(weights.wIh(), gateSum, dz);
    return dz;
  }
}
