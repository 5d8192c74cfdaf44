package io.chargen.model.kernel;

import io.chargen.model.StrokeSequence;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass of a whole batch (Fabi et al. 2020, Sec. 2; PyTorch's LSTM equations, no bias, gates i, f, g, o),
 * step by step over the time-major blocks of a {@link BatchPlan}: the recurrent product of all running sequences is
 * one {@link Gemm} call per step, the gates are computed a vector at a time, and every step's activations are kept
 * for backpropagation through time and for the hidden-state figures (Sec. 3.5).
 */
final class BatchForward {
  private static final int CH = StrokeSequence.CHANNELS;
  private static final VectorSpecies<Float> S = VectorMath.SPECIES;

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
      }
    }
    outputs();
    return this;
  }

  /**
   * Gates, cell and hidden state of global row s; {@code prev} is the same sequence's row a step earlier, or -1. In
   * short passes, each with one nonlinearity: a loop body with several would exceed what HotSpot inlines, and a
   * vector that crosses a call that is not inlined is boxed on the heap.
   */
  private void cellStep(int s, int prev) {
    int p = w.padded;
    int gateBase = s * w.gates;
    int base = s * p;
    VectorMath.activate(gates, gateBase, gateBase + 4 * p, gateBase + 2 * p, gateBase + 3 * p);
    for (int v = 0; v < p; v += Gemm.LANES) {
      FloatVector c = FloatVector.fromArray(S, gates, gateBase + v).mul(
          FloatVector.fromArray(S, gates, gateBase + 2 * p + v));
      if (prev >= 0) {
        c = FloatVector.fromArray(S, gates, gateBase + p + v).fma(FloatVector.fromArray(S, cell, prev * p + v), c);
      }
      c.intoArray(cell, base + v);
      c.intoArray(tanhCell, base + v);
    }
    VectorMath.activate(tanhCell, base, base + p, base, base + p);
    for (int v = 0; v < p; v += Gemm.LANES) {
      FloatVector.fromArray(S, gates, gateBase + 3 * p + v).mul(FloatVector.fromArray(S, tanhCell, base + v))
          .intoArray(hidden, base + v);
    }
  }

  /** y = W_out·h of every row, one product after the last step (the outputs do not feed back). */
  private void outputs() {
    int rows = plan.rows();
    float[] wide = new float[rows * Gemm.LANES];
    Gemm.multiplyAdd(Gemm.Operand.rows(hidden, 0, w.padded), w.outputT, 0, Gemm.LANES, wide, 0, Gemm.LANES, rows,
        w.hidden, 1);
    for (int s = 0; s < rows; s++) {
      System.arraycopy(wide, s * Gemm.LANES, output, s * CH, CH);
    }
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
