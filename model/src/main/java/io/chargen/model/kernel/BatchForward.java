package io.chargen.model.kernel;

import io.chargen.model.StrokeSequence;
import jdk.incubator.vector.FloatVector;

/**
 * The forward pass of a whole batch (Fabi et al. 2020, Sec. 2; PyTorch's LSTM equations, no bias, gates i, f, g, o),
 * step by step over the time-major blocks of a {@link BatchPlan}: the recurrent product of all running sequences is
 * one {@link Gemm} call per step, the gates are computed a vector at a time, and every step's activations are kept
 * for backpropagation through time and for the hidden-state figures (Sec. 3.5).
 */
final class BatchForward {
  private static final int CH = StrokeSequence.CHANNELS;

  final PackedWeights w;
  final BatchPlan plan;
  /** Gate activations after their nonlinearity (pre-activations while a step is computed), rows × gates. */
  final float[] gates;
  final float[] cell;
  final float[] tanhCell;
  final float[] hidden;
  /** Outputs, rows × 4. */
  final float[] output;
  private final float[] projected;
  private final boolean projectedPerStep;

  /**
   * @param projected W_ih·z in padded gate layout: one row per sequence (plan row order), or, when {@code perStep},
   *     one per global row (inputs that vary over time)
   */
  BatchForward(PackedWeights w, BatchPlan plan, float[] projected, boolean perStep) {
    this.w = w;
    this.plan = plan;
    this.projected = projected;
    this.projectedPerStep = perStep;
    int rows = plan.rows();
    gates = new float[rows * w.gates];
    cell = new float[rows * w.padded];
    tanhCell = new float[rows * w.padded];
    hidden = new float[rows * w.padded];
    output = new float[rows * CH];
  }

  BatchForward run() {
    int g4 = w.gates;
    int p = w.padded;
    for (int t = 0; t < plan.steps; t++) {
      int n = plan.active[t];
      int s0 = plan.start[t];
      System.arraycopy(projected, projectedPerStep ? s0 * g4 : 0, gates, s0 * g4, n * g4);
      if (t > 0) {
        Gemm.multiplyAdd(Gemm.Operand.rows(hidden, plan.start[t - 1] * p, p), w.recurrentT, 0, g4, gates,
            s0 * g4, g4, n, w.hidden, g4 / Gemm.LANES);
      }
      for (int b = 0; b < n; b++) {
        cellStep(s0 + b, t > 0 ? plan.start[t - 1] + b : -1);
        outputStep(s0 + b);
      }
    }
    return this;
  }

  /** Gates, cell and hidden state of global row s; {@code prev} is the same sequence's row a step earlier, or -1. */
  private void cellStep(int s, int prev) {
    int p = w.padded;
    int gateBase = s * w.gates;
    for (int v = 0; v < p; v += Gemm.LANES) {
      FloatVector i = VectorMath.sigmoid(Gemm.load(gates, gateBase + v));
      FloatVector f = VectorMath.sigmoid(Gemm.load(gates, gateBase + p + v));
      FloatVector g = VectorMath.tanh(Gemm.load(gates, gateBase + 2 * p + v));
      FloatVector o = VectorMath.sigmoid(Gemm.load(gates, gateBase + 3 * p + v));
      FloatVector c = i.mul(g);
      if (prev >= 0) {
        c = f.fma(Gemm.load(cell, prev * p + v), c);
      }
      FloatVector tc = VectorMath.tanh(c);
      i.intoArray(gates, gateBase + v);
      f.intoArray(gates, gateBase + p + v);
      g.intoArray(gates, gateBase + 2 * p + v);
      o.intoArray(gates, gateBase + 3 * p + v);
      c.intoArray(cell, s * p + v);
      tc.intoArray(tanhCell, s * p + v);
      o.mul(tc).intoArray(hidden, s * p + v);
    }
  }

  /** y = W_out·h of global row s: four dot products, each summed in index order. */
  private void outputStep(int s) {
    int p = w.padded;
    int hBase = s * p;
    float y0 = 0;
    float y1 = 0;
    float y2 = 0;
    float y3 = 0;
    for (int j = 0; j < w.hidden; j++) {
      float h = hidden[hBase + j];
      y0 = Math.fma(w.output[j], h, y0);
      y1 = Math.fma(w.output[p + j], h, y1);
      y2 = Math.fma(w.output[2 * p + j], h, y2);
      y3 = Math.fma(w.output[3 * p + j], h, y3);
    }
    output[s * CH] = y0;
    output[s * CH + 1] = y1;
    output[s * CH + 2] = y2;
    output[s * CH + 3] = y3;
  }

  /** @return the outputs of plan row {@code row}, its length × 4 */
  float[] outputOf(int row) {
    float[] y = new float[plan.length[row] * CH];
    for (int t = 0; t < plan.length[row]; t++) {
      System.arraycopy(output, plan.rowAt(t, row) * CH, y, t * CH, CH);
    }
    return y;
  }

  /** @return a state (cell or hidden) of plan row {@code row}, its length × H */
  float[][] statesOf(float[] states, int row) {
    float[][] r = new float[plan.length[row]][w.hidden];
    for (int t = 0; t < r.length; t++) {
      System.arraycopy(states, plan.rowAt(t, row) * w.padded, r[t], 0, w.hidden);
    }
    return r;
  }
}
