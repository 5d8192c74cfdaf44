package io.chargen.model;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * The weights of the paper's network (Fabi et al. 2020, Sec. 2): input Linear(K→H, no bias), LSTM(H, no bias,
 * PyTorch gate order i, f, g, o), output Linear(H→4, no bias).
 *
 * <p>Because the input layer has no bias, concept k is exactly one H-dimensional column of the input layer, its
 * <em>code</em>: {@code codes[k]}. The LSTM matrices are row-major 4H×H, rows in gate order i, f, g, o, exactly as
 * PyTorch's {@code weight_ih_l0} and {@code weight_hh_l0}; the output matrix is row-major 4×H.
 *
 * <p>Treated as immutable: arrays handed in are copied and never changed afterwards; accessors return the internal
 * arrays for speed and callers must not modify them.
 */
public final class LstmWeights {
  /** Gates per LSTM unit (i, f, g, o). */
  public static final int GATES = 4;
  /** Hidden size used by the paper. */
  public static final int PAPER_HIDDEN = 100;

  private final int hidden;
  private final float[][] codes;
  private final float[] wIh;
  private final float[] wHh;
  private final float[] wOut;
  private volatile float[] wIhTransposed;
  private volatile float[] wHhTransposed;
  private volatile Object derived;

  /**
   * @param codes K×H input columns (one per concept)
   * @param wIh 4H×H LSTM input-to-hidden matrix, row-major
   * @param wHh 4H×H LSTM hidden-to-hidden matrix, row-major
   * @param wOut 4×H output matrix, row-major
   * @throws IllegalArgumentException if the shapes disagree or a weight is not finite
   */
  public LstmWeights(float[][] codes, float[] wIh, float[] wHh, float[] wOut) {
    this(checkedCodes(codes, wOut.length / StrokeSequence.CHANNELS), requireFinite("wIh", wIh.clone()),
        requireFinite("wHh", wHh.clone()), requireFinite("wOut", wOut.clone()), null, null, null);
  }

  /** Shares the (already checked, never modified) LSTM arrays and their cached transposes and derived form. */
  private LstmWeights(float[][] codes, float[] wIh, float[] wHh, float[] wOut, float[] wIhT, float[] wHhT,
      Object derived) {
    this.hidden = wOut.length / StrokeSequence.CHANNELS;
    requireShape("wOut", wOut.length, StrokeSequence.CHANNELS * hidden);
    requireShape("wIh", wIh.length, GATES * hidden * hidden);
    requireShape("wHh", wHh.length, GATES * hidden * hidden);
    this.codes = codes;
    this.wIh = wIh;
    this.wHh = wHh;
    this.wOut = wOut;
    this.wIhTransposed = wIhT;
    this.wHhTransposed = wHhT;
    this.derived = derived;
  }

  private static float[][] checkedCodes(float[][] codes, int hidden) {
    float[][] copy = new float[codes.length][];
    for (int k = 0; k < codes.length; k++) {
      requireShape("codes[" + k + "]", codes[k].length, hidden);
      copy[k] = requireFinite("codes[" + k + "]", codes[k].clone());
    }
    return copy;
  }

  /**
   * Random weights drawn like PyTorch's defaults: uniform in ±1/sqrt(fan-in) for each layer.
   *
   * @param concepts number of concepts K
   * @param hidden hidden size H
   * @param seed random seed; the same seed gives the same weights
   * @return the weights
   */
  public static LstmWeights random(int concepts, int hidden, long seed) {
    Random random = new Random(seed);
    float inputBound = (float) (1 / Math.sqrt(Math.max(1, concepts)));
    float hiddenBound = (float) (1 / Math.sqrt(hidden));
    float[][] codes = new float[concepts][];
    for (int k = 0; k < concepts; k++) {
      codes[k] = uniform(random, hidden, inputBound);
    }
    return new LstmWeights(codes, uniform(random, GATES * hidden * hidden, hiddenBound),
        uniform(random, GATES * hidden * hidden, hiddenBound),
        uniform(random, StrokeSequence.CHANNELS * hidden, hiddenBound));
  }

  private static float[] uniform(Random random, int n, float bound) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (random.nextFloat() * 2 - 1) * bound;
    }
    return a;
  }

  private static void requireShape(String name, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(name + " has " + actual + " values, expected " + expected);
    }
  }

  private static float[] requireFinite(String name, float[] a) {
    for (int i = 0; i < a.length; i++) {
      if (!Float.isFinite(a[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is " + a[i]);
      }
    }
    return a;
  }

  /** @return hidden size H */
  public int hidden() {
    return hidden;
  }

  /** @return number of concepts K (input columns) */
  public int concepts() {
    return codes.length;
  }

  /**
   * @param concept concept index
   * @return that concept's H-dimensional input column (do not modify)
   */
  public float[] code(int concept) {
    return codes[concept];
  }

  /** @return the LSTM input-to-hidden matrix, 4H×H row-major (do not modify) */
  public float[] wIh() {
    return wIh;
  }

  /** @return the LSTM hidden-to-hidden matrix, 4H×H row-major (do not modify) */
  public float[] wHh() {
    return wHh;
  }

  /** @return the output matrix, 4×H row-major (do not modify) */
  public float[] wOut() {
    return wOut;
  }

  /** @return {@link #wIh()} transposed to H×4H row-major, computed once (do not modify) */
  public float[] wIhTransposed() {
    float[] t = wIhTransposed;
    if (t == null) {
      t = transpose(wIh, GATES * hidden, hidden);
      wIhTransposed = t;
    }
    return t;
  }

  /** @return {@link #wHh()} transposed to H×4H row-major, computed once (do not modify) */
  public float[] wHhTransposed() {
    float[] t = wHhTransposed;
    if (t == null) {
      t = transpose(wHh, GATES * hidden, hidden);
      wHhTransposed = t;
    }
    return t;
  }

  /**
   * A form of the LSTM and output weights that a backend derives once and keeps with them (e.g. the fast kernel's
   * padded copies), shared by {@link #withCodes}. It must not depend on the codes. One kind is kept at a time.
   *
   * @param kind the derived type
   * @param derive computes it from these weights
   * @param <T> the derived type
   * @return the kept or newly derived form
   */
  public <T> T derived(Class<T> kind, Function<LstmWeights, T> derive) {
    Object d = derived;
    if (!kind.isInstance(d)) {
      d = derive.apply(this);
      derived = d;
    }
    return kind.cast(d);
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[r * cols + c];
      }
    }
    return t;
  }

  /**
   * Projects an input vector through the input layer: z = Σ_k x_k · codes[k].
   *
   * @param input K values (one-hot, blend weights or an inferred vector)
   * @return the H-dimensional LSTM input
   */
  public float[] project(float[] input) {
    requireShape("input", input.length, codes.length);
    float[] z = new float[hidden];
    for (int k = 0; k < codes.length; k++) {
      float xk = input[k];
      if (xk != 0) {
        float[] code = codes[k];
        for (int j = 0; j < hidden; j++) {
          z[j] += xk * code[j];
        }
      }
    }
    return z;
  }

  /**
   * @param newCodes replacement input columns (K may differ: a grown concept set)
   * @return weights with these codes and the same LSTM and output weights
   */
  public LstmWeights withCodes(float[][] newCodes) {
    return new LstmWeights(checkedCodes(newCodes, hidden), wIh, wHh, wOut, wIhTransposed(), wHhTransposed(),
        derived);
  }

  /**
   * The same network with H concepts whose codes are the identity matrix, so an input vector <em>is</em> the LSTM
   * input z. Lets one-shot learning optimise a code directly through {@link Backend#gradients} with
   * {@link GradientPart#PROJECTED_INPUT}, on any backend, without rebuilding weights per step.
   *
   * @return the identity-coded weights
   */
  public LstmWeights withIdentityCodes() {
    float[][] identity = new float[hidden][hidden];
    for (int j = 0; j < hidden; j++) {
      identity[j][j] = 1;
    }
    return withCodes(identity);
  }

  /** @return a copy of all K codes */
  public float[][] copyCodes() {
    float[][] copy = new float[codes.length][];
    for (int k = 0; k < codes.length; k++) {
      copy[k] = codes[k].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LstmWeights w && Arrays.deepEquals(codes, w.codes) && Arrays.equals(wIh, w.wIh)
        && Arrays.equals(wHh, w.wHh) && Arrays.equals(wOut, w.wOut);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(codes) * 31 + Arrays.hashCode(wOut);
  }
}
