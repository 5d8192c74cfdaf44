package io.chargen.model.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The LSTM's nonlinearities on arrays, whole vectors of floats at a time, from multiplications, additions, fused
 * multiply-adds and one division only. So they are exact functions of their input on every machine and every vector
 * width (IEEE 754 float arithmetic), unlike the JDK's {@code VectorOperators.EXP}, whose accuracy and bits are left to
 * the platform.
 *
 * <p>exp(x) = 2^k · p(r) with x = k·ln2 + r, |r| ≤ ln2/2 and p the degree-7 Taylor polynomial (truncation error
 * below 6e-9 relative, under float's 6e-8 rounding); k is rounded by the 1.5·2²³ trick and 2^k assembled from its
 * exponent bits. σ(x) = 1/(1 + e^−x); tanh(x) = 1 − 2/(1 + e^2x), whose absolute error stays at float rounding
 * (≈6e-8) for every x, which is what the following products see.
 */
final class VectorMath {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  /** Inputs are clamped to where e^x and e^−x stay normal floats (2^±126). */
  private static final float MAX_EXP_ARGUMENT = 87f;
  private static final float LOG2E = 1.44269504f;
  /** ln 2 split in a part exact in float (Cody-Waite) and the rest, so r = x − k·ln2 keeps its precision. */
  private static final float LN2_HI = 0.693145751953125f;
  private static final float LN2_LO = 1.428606765330187e-6f;
  /** 1.5·2²³: adding it rounds to an integer held in the low mantissa bits. */
  private static final float ROUNDER = 12582912f;
  private static final int EXPONENT_BIAS = 127;
  private static final int MANTISSA_BITS = 23;
  private static final float C7 = 1f / 5040;
  private static final float C6 = 1f / 720;
  private static final float C5 = 1f / 120;
  private static final float C4 = 1f / 24;
  private static final float C3 = 1f / 6;
  private static final float C2 = 1f / 2;

  private VectorMath() {}

  /**
   * The LSTM's nonlinearities in place over a[from..to), a whole number of vectors: tanh on [tanhFrom, tanhTo), σ
   * elsewhere; both as offset + scale / (1 + e^(slope·x)), σ with (−1, 0, 1), tanh with (2, 1, −2). One copy of the
   * exp code, calling the Vector API directly, used for every gate: each wrapper method or further copy in a method
   * HotSpot compiles makes C2 give up inlining (MaxInlineLevel, NodeCountInliningCutoff), and a vector operation it
   * does not inline runs as boxed objects on the heap (measured: 400 KB and 3× the time per generated letter).
   */
  static void activate(float[] a, int from, int to, int tanhFrom, int tanhTo) {
    for (int i = from; i < to; i += LANES) {
      boolean tanh = i >= tanhFrom && i < tanhTo;
      FloatVector x = FloatVector.fromArray(SPECIES, a, i).mul(tanh ? 2f : -1f).max(-MAX_EXP_ARGUMENT)
          .min(MAX_EXP_ARGUMENT);
      FloatVector shifted = x.fma(LOG2E, ROUNDER);
      FloatVector k = shifted.sub(ROUNDER);
      FloatVector r = k.fma(FloatVector.broadcast(SPECIES, -LN2_LO), k.fma(FloatVector.broadcast(SPECIES, -LN2_HI), x));
      FloatVector p = r.fma(C7, C6).fma(r, FloatVector.broadcast(SPECIES, C5))
          .fma(r, FloatVector.broadcast(SPECIES, C4)).fma(r, FloatVector.broadcast(SPECIES, C3))
          .fma(r, FloatVector.broadcast(SPECIES, C2)).fma(r, FloatVector.broadcast(SPECIES, 1f))
          .fma(r, FloatVector.broadcast(SPECIES, 1f));
      FloatVector twoToK = shifted.reinterpretAsInts().add(EXPONENT_BIAS)
          .lanewise(VectorOperators.LSHL, MANTISSA_BITS).reinterpretAsFloats();
      FloatVector.broadcast(SPECIES, tanh ? -2f : 1f).div(p.fma(twoToK, FloatVector.broadcast(SPECIES, 1f)))
          .add(tanh ? 1f : 0f).intoArray(a, i);
    }
  }
}
