package io.chargen.model.kernel;

import io.chargen.model.StrokeSequence;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Backpropagation through time of a whole batch over a {@link BatchForward}, given dL/dy of every output (the caller
 * folds each sequence's loss scale into it). Per step, dL/dh of all running sequences comes from one {@link Gemm}
 * call (da·W_hh); the weight gradients are one product each over all steps at the end (daᵀ·h_prev for W_hh,
 * dyᵀ·h for W_out), so the inner dimension is every row of the batch.
 *
 * <p>Results, all in the padded layout: the gate gradients summed over time per sequence ({@link #gateSum}, which
 * gives dL/dz and dL/dW_ih because the input is constant over a sequence), and, if asked, dL/dW_hh and dL/dW_out.
 */
final class BatchBackward {
  private static final int CH = StrokeSequence.CHANNELS;
  private static final VectorSpecies<Float> S = VectorMath.SPECIES;

  /** Σ_t dL/da_t per sequence, plan rows × gates. */
  final float[] gateSum;
  /** dL/dW_hh, gates × padded, or null. */
  final float[] recurrent;
  /** dL/dW_out, 4 × padded, or null. */
  final float[] output;
  private final BatchForward fwd;
  private final PackedWeights w;
  private final BatchPlan plan;
  private final float[] dy;
  private final float[] da;

  BatchBackward(BatchForward fwd, float[] dy, boolean recurrentWeights, boolean outputWeights) {
    this.fwd = fwd;
    this.w = fwd.w;
    this.plan = fwd.plan;
    this.dy = dy;
    this.gateSum = new float[plan.size() * w.gates];
    this.recurrent = recurrentWeights ? new float[w.gates * w.padded] : null;
    this.output = outputWeights ? new float[CH * w.padded] : null;
    this.da = new float[plan.rows() * w.gates];
  }

  BatchBackward run() {
    int p = w.padded;
    int g4 = w.gates;
    float[] dh = new float[plan.size() * p];
    float[] dc = new float[plan.size() * p];
    for (int t = plan.steps - 1; t >= 0; t--) {
      int n = plan.active[t];
      int s0 = plan.start[t];
      for (int b = 0; b < n; b++) {
        addOutputGradient(s0 + b, dh, b * p);
        gateGradients(s0 + b, t > 0 ? plan.start[t - 1] + b : -1, dh, dc, b * p);
        add(da, (s0 + b) * g4, gateSum, b * g4, g4);
      }
      if (t > 0) {
        Arrays.fill(dh, 0, n * p, 0f);
        for (int g = 0; g < 4; g++) {
          Gemm.multiplyAdd(Gemm.Operand.rows(da, s0 * g4 + g * p, g4), w.recurrent, g * p * p, p, dh, 0, p, n,
              w.hidden, p / Gemm.LANES);
        }
      }
    }
    if (recurrent != null && plan.steps > 1) {
      recurrentWeightGradient();
    }
    if (output != null) {
      Gemm.multiplyAdd(Gemm.Operand.columns(dy, 0, CH), fwd.hidden, 0, p, output, 0, p, CH, plan.rows(),
          p / Gemm.LANES);
    }
    return this;
  }

  /** dh += Σ_ch dL/dy_ch · W_out[ch] for global row s. */
  private void addOutputGradient(int s, float[] dh, int dhBase) {
    int p = w.padded;
    for (int ch = 0; ch < CH; ch++) {
      FloatVector d = FloatVector.broadcast(VectorMath.SPECIES, dy[s * CH + ch]);
      for (int v = 0; v < p; v += Gemm.LANES) {
        FloatVector.fromArray(S, w.output, ch * p + v).fma(d, FloatVector.fromArray(S, dh, dhBase + v))
            .intoArray(dh, dhBase + v);
      }
    }
  }

  /** dL/da of global row s into {@link #da}; carries the cell gradient dc to the step before. */
  private void gateGradients(int s, int prev, float[] dh, float[] dc, int base) {
    int p = w.padded;
    int gateBase = s * w.gates;
    float[] gates = fwd.gates;
    for (int v = 0; v < p; v += Gemm.LANES) {
      FloatVector i = FloatVector.fromArray(S, gates, gateBase + v);
      FloatVector f = FloatVector.fromArray(S, gates, gateBase + p + v);
      FloatVector g = FloatVector.fromArray(S, gates, gateBase + 2 * p + v);
      FloatVector o = FloatVector.fromArray(S, gates, gateBase + 3 * p + v);
      FloatVector tc = FloatVector.fromArray(S, fwd.tanhCell, s * p + v);
      FloatVector dhv = FloatVector.fromArray(S, dh, base + v);
      FloatVector one = FloatVector.broadcast(VectorMath.SPECIES, 1f);
      FloatVector dcv = dhv.mul(o).mul(one.sub(tc.mul(tc))).add(FloatVector.fromArray(S, dc, base + v));
      dcv.mul(f).intoArray(dc, base + v);
      FloatVector cPrev = prev >= 0 ? FloatVector.fromArray(S, fwd.cell, prev * p + v) : FloatVector.zero(S);
      dcv.mul(g).mul(i).mul(one.sub(i)).intoArray(da, gateBase + v);
      dcv.mul(cPrev).mul(f).mul(one.sub(f)).intoArray(da, gateBase + p + v);
      dcv.mul(i).mul(one.sub(g.mul(g))).intoArray(da, gateBase + 2 * p + v);
      dhv.mul(tc).mul(o).mul(one.sub(o)).intoArray(da, gateBase + 3 * p + v);
    }
  }

  /** dL/dW_hh = Σ over rows of steps t ≥ 1 of da_t ⊗ h_{t−1}, one product with h_{t−1} gathered beside da_t. */
  private void recurrentWeightGradient() {
    int p = w.padded;
    int g4 = w.gates;
    int first = plan.start[1];
    int rows = plan.rows() - first;
    float[] previous = new float[rows * p];
    for (int t = 1; t < plan.steps; t++) {
      System.arraycopy(fwd.hidden, plan.start[t - 1] * p, previous, (plan.start[t] - first) * p,
          plan.active[t] * p);
    }
    for (int g = 0; g < 4; g++) {
      Gemm.multiplyAdd(Gemm.Operand.columns(da, first * g4 + g * p, g4), previous, 0, p, recurrent, g * p * p, p,
          w.hidden, rows, p / Gemm.LANES);
    }
  }

  static void add(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int v = 0; v < n; v += Gemm.LANES) {
      FloatVector.fromArray(S, x, xOff + v).add(FloatVector.fromArray(S, y, yOff + v)).intoArray(y, yOff + v);
    }
  }
}
