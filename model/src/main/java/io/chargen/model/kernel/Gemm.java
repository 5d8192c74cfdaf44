package io.chargen.model.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C += A·B for the kernel's small matrices, register-blocked: a tile of 4 rows × 4 vectors of C stays in 16 vector
 * registers while the inner dimension streams past, so each loaded vector of B feeds 4 fused multiply-adds and each
 * broadcast element of A feeds 4. Single rows (one sequence, one-shot learning) use 1 × 4 tiles.
 *
 * <p>B's rows and C's rows are contiguous and a whole number of vectors long (the kernel pads them, {@link
 * PackedWeights}); A is read element by element with any strides, so Aᵀ costs nothing. Every element of C is
 * accumulated over the inner index in ascending order with one fused multiply-add each, whatever the tile or the
 * vector width (single rows: two such sums, of even and odd indices, then added), so results do not depend on the
 * machine.
 */
final class Gemm {
  private static final VectorSpecies<Float> S = VectorMath.SPECIES;
  static final int LANES = S.length();
  private static final int ROWS = 4;
  private static final int VECTORS = 4;

  private Gemm() {}

  /** One operand: an array, the offset of element (0, 0), and the step to the next row and to the next column. */
  record Operand(float[] data, int offset, int rowStride, int columnStride) {
    static Operand rows(float[] data, int offset, int rowStride) {
      return new Operand(data, offset, rowStride, 1);
    }

    static Operand columns(float[] data, int offset, int columnStride) {
      return new Operand(data, offset, 1, columnStride);
    }
  }

  /**
   * C[m × vectors·LANES] += A[m × k] · B[k × vectors·LANES].
   *
   * @param a A, read with its strides
   * @param b B's array; row p starts at {@code bOff + p·bStride}
   * @param c C's array; row i starts at {@code cOff + i·cStride}
   */
  static void multiplyAdd(Operand a, float[] b, int bOff, int bStride, float[] c, int cOff, int cStride, int m,
      int k, int vectors) {
    int v = 0;
    for (; v + VECTORS <= vectors; v += VECTORS) {
      int i = 0;
      for (; i + ROWS <= m; i += ROWS) {
        tile4x4(a, i, b, bOff + v * LANES, bStride, c, cOff + i * cStride + v * LANES, cStride, k);
      }
      for (; i < m; i++) {
        tile1x4(a, i, b, bOff + v * LANES, bStride, c, cOff + i * cStride + v * LANES, k);
      }
    }
    if (vectors - v == 3) {
      int i = 0;
      for (; i + ROWS <= m; i += ROWS) {
        tile4x3(a, i, b, bOff + v * LANES, bStride, c, cOff + i * cStride + v * LANES, cStride, k);
      }
      for (; i < m; i++) {
        tile1x3(a, i, b, bOff + v * LANES, bStride, c, cOff + i * cStride + v * LANES, k);
      }
      return;
    }
    for (; v < vectors; v++) {
      int i = 0;
      for (; i + ROWS <= m; i += ROWS) {
        tile4x1(a, i, b, bOff + v * LANES, bStride, c, cOff + i * cStride + v * LANES, cStride, k);
      }
      for (; i < m; i++) {
        tile1x1(a, i, b, bOff + v * LANES, bStride, c, cOff + i * cStride + v * LANES, k);
      }
    }
  }

  private static void tile4x4(Operand a, int i, float[] b, int bOff, int bStride, float[] c, int cOff, int cStride,
      int k) {
    float[] ad = a.data();
    int rs = a.rowStride();
    int cs = a.columnStride();
    int c1 = cOff + cStride;
    int c2 = c1 + cStride;
    int c3 = c2 + cStride;
    FloatVector r00 = FloatVector.fromArray(S, c, cOff);
    FloatVector r01 = FloatVector.fromArray(S, c, cOff + LANES);
    FloatVector r02 = FloatVector.fromArray(S, c, cOff + 2 * LANES);
    FloatVector r03 = FloatVector.fromArray(S, c, cOff + 3 * LANES);
    FloatVector r10 = FloatVector.fromArray(S, c, c1);
    FloatVector r11 = FloatVector.fromArray(S, c, c1 + LANES);
    FloatVector r12 = FloatVector.fromArray(S, c, c1 + 2 * LANES);
    FloatVector r13 = FloatVector.fromArray(S, c, c1 + 3 * LANES);
    FloatVector r20 = FloatVector.fromArray(S, c, c2);
    FloatVector r21 = FloatVector.fromArray(S, c, c2 + LANES);
    FloatVector r22 = FloatVector.fromArray(S, c, c2 + 2 * LANES);
    FloatVector r23 = FloatVector.fromArray(S, c, c2 + 3 * LANES);
    FloatVector r30 = FloatVector.fromArray(S, c, c3);
    FloatVector r31 = FloatVector.fromArray(S, c, c3 + LANES);
    FloatVector r32 = FloatVector.fromArray(S, c, c3 + 2 * LANES);
    FloatVector r33 = FloatVector.fromArray(S, c, c3 + 3 * LANES);
    int ap = a.offset() + i * rs;
    int bp = bOff;
    for (int p = 0; p < k; p++, ap += cs, bp += bStride) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + LANES);
      FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * LANES);
      FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * LANES);
      FloatVector x = FloatVector.broadcast(S, ad[ap]);
      r00 = b0.fma(x, r00); r01 = b1.fma(x, r01); r02 = b2.fma(x, r02); r03 = b3.fma(x, r03);
      x = FloatVector.broadcast(S, ad[ap + rs]);
      r10 = b0.fma(x, r10); r11 = b1.fma(x, r11); r12 = b2.fma(x, r12); r13 = b3.fma(x, r13);
      x = FloatVector.broadcast(S, ad[ap + 2 * rs]);
      r20 = b0.fma(x, r20); r21 = b1.fma(x, r21); r22 = b2.fma(x, r22); r23 = b3.fma(x, r23);
      x = FloatVector.broadcast(S, ad[ap + 3 * rs]);
      r30 = b0.fma(x, r30); r31 = b1.fma(x, r31); r32 = b2.fma(x, r32); r33 = b3.fma(x, r33);
    }
    r00.intoArray(c, cOff); r01.intoArray(c, cOff + LANES); r02.intoArray(c, cOff + 2 * LANES);
    r03.intoArray(c, cOff + 3 * LANES);
    r10.intoArray(c, c1); r11.intoArray(c, c1 + LANES); r12.intoArray(c, c1 + 2 * LANES);
    r13.intoArray(c, c1 + 3 * LANES);
    r20.intoArray(c, c2); r21.intoArray(c, c2 + LANES); r22.intoArray(c, c2 + 2 * LANES);
    r23.intoArray(c, c2 + 3 * LANES);
    r30.intoArray(c, c3); r31.intoArray(c, c3 + LANES); r32.intoArray(c, c3 + 2 * LANES);
    r33.intoArray(c, c3 + 3 * LANES);
  }

  /** The 4 × 3 tile: H = 100 pads to 7 vectors of 16 floats, 4 + 3. */
  private static void tile4x3(Operand a, int i, float[] b, int bOff, int bStride, float[] c, int cOff, int cStride,
      int k) {
    float[] ad = a.data();
    int rs = a.rowStride();
    int cs = a.columnStride();
    int c1 = cOff + cStride;
    int c2 = c1 + cStride;
    int c3 = c2 + cStride;
    FloatVector r00 = FloatVector.fromArray(S, c, cOff);
    FloatVector r01 = FloatVector.fromArray(S, c, cOff + LANES);
    FloatVector r02 = FloatVector.fromArray(S, c, cOff + 2 * LANES);
    FloatVector r10 = FloatVector.fromArray(S, c, c1);
    FloatVector r11 = FloatVector.fromArray(S, c, c1 + LANES);
    FloatVector r12 = FloatVector.fromArray(S, c, c1 + 2 * LANES);
    FloatVector r20 = FloatVector.fromArray(S, c, c2);
    FloatVector r21 = FloatVector.fromArray(S, c, c2 + LANES);
    FloatVector r22 = FloatVector.fromArray(S, c, c2 + 2 * LANES);
    FloatVector r30 = FloatVector.fromArray(S, c, c3);
    FloatVector r31 = FloatVector.fromArray(S, c, c3 + LANES);
    FloatVector r32 = FloatVector.fromArray(S, c, c3 + 2 * LANES);
    int ap = a.offset() + i * rs;
    int bp = bOff;
    for (int p = 0; p < k; p++, ap += cs, bp += bStride) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + LANES);
      FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * LANES);
      FloatVector x = FloatVector.broadcast(S, ad[ap]);
      r00 = b0.fma(x, r00); r01 = b1.fma(x, r01); r02 = b2.fma(x, r02);
      x = FloatVector.broadcast(S, ad[ap + rs]);
      r10 = b0.fma(x, r10); r11 = b1.fma(x, r11); r12 = b2.fma(x, r12);
      x = FloatVector.broadcast(S, ad[ap + 2 * rs]);
      r20 = b0.fma(x, r20); r21 = b1.fma(x, r21); r22 = b2.fma(x, r22);
      x = FloatVector.broadcast(S, ad[ap + 3 * rs]);
      r30 = b0.fma(x, r30); r31 = b1.fma(x, r31); r32 = b2.fma(x, r32);
    }
    r00.intoArray(c, cOff); r01.intoArray(c, cOff + LANES); r02.intoArray(c, cOff + 2 * LANES);
    r10.intoArray(c, c1); r11.intoArray(c, c1 + LANES); r12.intoArray(c, c1 + 2 * LANES);
    r20.intoArray(c, c2); r21.intoArray(c, c2 + LANES); r22.intoArray(c, c2 + 2 * LANES);
    r30.intoArray(c, c3); r31.intoArray(c, c3 + LANES); r32.intoArray(c, c3 + 2 * LANES);
  }

  private static void tile4x1(Operand a, int i, float[] b, int bOff, int bStride, float[] c, int cOff, int cStride,
      int k) {
    float[] ad = a.data();
    int rs = a.rowStride();
    int cs = a.columnStride();
    FloatVector r0 = FloatVector.fromArray(S, c, cOff);
    FloatVector r1 = FloatVector.fromArray(S, c, cOff + cStride);
    FloatVector r2 = FloatVector.fromArray(S, c, cOff + 2 * cStride);
    FloatVector r3 = FloatVector.fromArray(S, c, cOff + 3 * cStride);
    int ap = a.offset() + i * rs;
    int bp = bOff;
    for (int p = 0; p < k; p++, ap += cs, bp += bStride) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      r0 = b0.fma(FloatVector.broadcast(S, ad[ap]), r0);
      r1 = b0.fma(FloatVector.broadcast(S, ad[ap + rs]), r1);
      r2 = b0.fma(FloatVector.broadcast(S, ad[ap + 2 * rs]), r2);
      r3 = b0.fma(FloatVector.broadcast(S, ad[ap + 3 * rs]), r3);
    }
    r0.intoArray(c, cOff);
    r1.intoArray(c, cOff + cStride);
    r2.intoArray(c, cOff + 2 * cStride);
    r3.intoArray(c, cOff + 3 * cStride);
  }

  /*
   * Single rows (one sequence) would leave the FMA units waiting on their own latency with only the tile's
   * accumulators in flight, so they keep two sets, for even and odd p, added at the end.
   */

  private static void tile1x4(Operand a, int i, float[] b, int bOff, int bStride, float[] c, int cOff, int k) {
    float[] ad = a.data();
    int cs = a.columnStride();
    FloatVector r0 = FloatVector.fromArray(S, c, cOff);
    FloatVector r1 = FloatVector.fromArray(S, c, cOff + LANES);
    FloatVector r2 = FloatVector.fromArray(S, c, cOff + 2 * LANES);
    FloatVector r3 = FloatVector.fromArray(S, c, cOff + 3 * LANES);
    FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
    int ap = a.offset() + i * a.rowStride();
    int bp = bOff;
    int p = 0;
    for (; p + 1 < k; p += 2, ap += 2 * cs, bp += 2 * bStride) {
      FloatVector x = FloatVector.broadcast(S, ad[ap]);
      r0 = FloatVector.fromArray(S, b, bp).fma(x, r0);
      r1 = FloatVector.fromArray(S, b, bp + LANES).fma(x, r1);
      r2 = FloatVector.fromArray(S, b, bp + 2 * LANES).fma(x, r2);
      r3 = FloatVector.fromArray(S, b, bp + 3 * LANES).fma(x, r3);
      FloatVector y = FloatVector.broadcast(S, ad[ap + cs]);
      int bq = bp + bStride;
      s0 = FloatVector.fromArray(S, b, bq).fma(y, s0);
      s1 = FloatVector.fromArray(S, b, bq + LANES).fma(y, s1);
      s2 = FloatVector.fromArray(S, b, bq + 2 * LANES).fma(y, s2);
      s3 = FloatVector.fromArray(S, b, bq + 3 * LANES).fma(y, s3);
    }
    if (p < k) {
      FloatVector x = FloatVector.broadcast(S, ad[ap]);
      r0 = FloatVector.fromArray(S, b, bp).fma(x, r0);
      r1 = FloatVector.fromArray(S, b, bp + LANES).fma(x, r1);
      r2 = FloatVector.fromArray(S, b, bp + 2 * LANES).fma(x, r2);
      r3 = FloatVector.fromArray(S, b, bp + 3 * LANES).fma(x, r3);
    }
    r0.add(s0).intoArray(c, cOff);
    r1.add(s1).intoArray(c, cOff + LANES);
    r2.add(s2).intoArray(c, cOff + 2 * LANES);
    r3.add(s3).intoArray(c, cOff + 3 * LANES);
  }

  private static void tile1x3(Operand a, int i, float[] b, int bOff, int bStride, float[] c, int cOff, int k) {
    float[] ad = a.data();
    int cs = a.columnStride();
    FloatVector r0 = FloatVector.fromArray(S, c, cOff);
    FloatVector r1 = FloatVector.fromArray(S, c, cOff + LANES);
    FloatVector r2 = FloatVector.fromArray(S, c, cOff + 2 * LANES);
    FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0;
    int ap = a.offset() + i * a.rowStride();
    int bp = bOff;
    int p = 0;
    for (; p + 1 < k; p += 2, ap += 2 * cs, bp += 2 * bStride) {
      FloatVector x = FloatVector.broadcast(S, ad[ap]);
      r0 = FloatVector.fromArray(S, b, bp).fma(x, r0);
      r1 = FloatVector.fromArray(S, b, bp + LANES).fma(x, r1);
      r2 = FloatVector.fromArray(S, b, bp + 2 * LANES).fma(x, r2);
      FloatVector y = FloatVector.broadcast(S, ad[ap + cs]);
      int bq = bp + bStride;
      s0 = FloatVector.fromArray(S, b, bq).fma(y, s0);
      s1 = FloatVector.fromArray(S, b, bq + LANES).fma(y, s1);
      s2 = FloatVector.fromArray(S, b, bq + 2 * LANES).fma(y, s2);
    }
    if (p < k) {
      FloatVector x = FloatVector.broadcast(S, ad[ap]);
      r0 = FloatVector.fromArray(S, b, bp).fma(x, r0);
      r1 = FloatVector.fromArray(S, b, bp + LANES).fma(x, r1);
      r2 = FloatVector.fromArray(S, b, bp + 2 * LANES).fma(x, r2);
    }
    r0.add(s0).intoArray(c, cOff);
    r1.add(s1).intoArray(c, cOff + LANES);
    r2.add(s2).intoArray(c, cOff + 2 * LANES);
  }

  private static void tile1x1(Operand a, int i, float[] b, int bOff, int bStride, float[] c, int cOff, int k) {
    float[] ad = a.data();
    int cs = a.columnStride();
    FloatVector r0 = FloatVector.fromArray(S, c, cOff);
    FloatVector s0 = FloatVector.zero(S);
    int ap = a.offset() + i * a.rowStride();
    int bp = bOff;
    int p = 0;
    for (; p + 1 < k; p += 2, ap += 2 * cs, bp += 2 * bStride) {
      r0 = FloatVector.fromArray(S, b, bp).fma(FloatVector.broadcast(S, ad[ap]), r0);
      s0 = FloatVector.fromArray(S, b, bp + bStride).fma(FloatVector.broadcast(S, ad[ap + cs]), s0);
    }
    if (p < k) {
      r0 = FloatVector.fromArray(S, b, bp).fma(FloatVector.broadcast(S, ad[ap]), r0);
    }
    r0.add(s0).intoArray(c, cOff);
  }
}
