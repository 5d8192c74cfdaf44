package io.chargen.model.kernel;

import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;

/**
 * The LSTM and output weights laid out for {@link Gemm}: every row padded with zeros to {@code padded} = H rounded up
 * to whole vectors, gate g's unit j at column {@code g·padded + j} of a {@code gates} = 4·padded wide row. Zero
 * padding keeps the padded lanes of every state at exactly zero (σ(0)·0 + σ(0)·tanh(0) = 0), so they change no
 * result. Derived once per {@link LstmWeights} (it depends only on the LSTM and output weights, which
 * {@link LstmWeights#withCodes} shares).
 */
final class PackedWeights {
  final int hidden;
  final int padded;
  final int gates;
  /** W_hhᵀ: H rows of {@code gates}, for the forward product h·W_hhᵀ. */
  final float[] recurrentT;
  /** W_ihᵀ: H rows of {@code gates}, for the input projection z·W_ihᵀ. */
  final float[] inputT;
  /** W_hh: {@code gates} rows of {@code padded}, for the backward product da·W_hh. */
  final float[] recurrent;
  /** W_ih: {@code gates} rows of {@code padded}, for dz = Σ da·W_ih. */
  final float[] input;
  /** W_out: 4 rows of {@code padded}. */
  final float[] output;
  /** W_outᵀ: H rows of one vector, the 4 outputs in its first lanes, for y = h·W_outᵀ. */
  final float[] outputT;

  private PackedWeights(LstmWeights w) {
    hidden = w.hidden();
    padded = (hidden + Gemm.LANES - 1) / Gemm.LANES * Gemm.LANES;
    gates = LstmWeights.GATES * padded;
    recurrentT = transposed(w.wHh());
    inputT = transposed(w.wIh());
    recurrent = gateRows(w.wHh());
    input = gateRows(w.wIh());
    output = new float[StrokeSequence.CHANNELS * padded];
    outputT = new float[hidden * Gemm.LANES];
    for (int ch = 0; ch < StrokeSequence.CHANNELS; ch++) {
      System.arraycopy(w.wOut(), ch * hidden, output, ch * padded, hidden);
      for (int j = 0; j < hidden; j++) {
        outputT[j * Gemm.LANES + ch] = w.wOut()[ch * hidden + j];
      }
    }
  }

  static PackedWeights of(LstmWeights weights) {
    return weights.derived(PackedWeights.class, PackedWeights::new);
  }

  /** Column of gate row r (0 ≤ r < 4H) in the padded layout. */
  int column(int r) {
    return r / hidden * padded + r % hidden;
  }

  private float[] transposed(float[] m) {
    float[] t = new float[hidden * gates];
    for (int r = 0; r < LstmWeights.GATES * hidden; r++) {
      int column = column(r);
      for (int j = 0; j < hidden; j++) {
        t[j * gates + column] = m[r * hidden + j];
      }
    }
    return t;
  }

  /** The 4H rows of H values, each padded and at its padded position. */
  private float[] gateRows(float[] m) {
    float[] p = new float[gates * padded];
    for (int r = 0; r < LstmWeights.GATES * hidden; r++) {
      System.arraycopy(m, r * hidden, p, column(r) * padded, hidden);
    }
    return p;
  }

  /** Copies a padded gate row (gates values) back to 4H unpadded values. */
  void unpadGates(float[] paddedRow, int offset, float[] out, int outOffset) {
    for (int g = 0; g < LstmWeights.GATES; g++) {
      System.arraycopy(paddedRow, offset + g * padded, out, outOffset + g * hidden, hidden);
    }
  }
}
