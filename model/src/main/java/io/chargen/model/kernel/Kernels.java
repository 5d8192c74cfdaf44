package io.chargen.model.kernel;

/** Loops shared by the forward and backward passes, written as axpys over contiguous rows so HotSpot vectorises them. */
final class Kernels {
  private Kernels() {}

  /** y[yOff..yOff+n) += a · x[xOff..xOff+n). */
  static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
    if (a == 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      y[yOff + i] += a * x[xOff + i];
    }
  }

  /**
   * y += M·v where {@code transposed} is Mᵀ (v.length rows of {@code rows} values): column j of M is a contiguous row.
   */
  static void addTransposedProduct(float[] transposed, float[] v, float[] y, int rows) {
    for (int j = 0; j < v.length; j++) {
      axpy(v[j], transposed, j * rows, y, 0, rows);
    }
  }

  /** y += Mᵀ·v where M is row-major with v.length rows of y.length values. */
  static void addProductOfTranspose(float[] m, float[] v, float[] y) {
    for (int r = 0; r < v.length; r++) {
      axpy(v[r], m, r * y.length, y, 0, y.length);
    }
  }

  static float sigmoid(float x) {
    return (float) (1 / (1 + Math.exp(-x)));
  }
}
