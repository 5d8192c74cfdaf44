package io.chargen.model.optim;

/** The L-BFGS correction pairs (s, y) and the two-loop recursion (Nocedal and Wright, Alg. 7.4). */
final class History {
  /** Pairs with s·y at or below this are not stored: PyTorch's L-BFGS threshold. */
  private static final double CURVATURE_THRESHOLD = 1e-10;

  private final float[][] s;
  private final float[][] y;
  private final double[] rho;
  private final double[] alpha;
  private int count;
  private int newest = -1;

  History(int capacity, int n) {
    s = new float[capacity][n];
    y = new float[capacity][n];
    rho = new double[capacity];
    alpha = new double[capacity];
  }

  /**
   * Stores the pair s = t·d, y = gNew − g of a step if it keeps the curvature condition s·y > 1e-10 (PyTorch's
   * threshold); the oldest pair makes room when the memory is full.
   */
  void add(float[] d, double t, float[] g, float[] gNew) {
    double sy = 0;
    for (int i = 0; i < d.length; i++) {
      sy += (double) (float) (t * d[i]) * (gNew[i] - g[i]);
    }
    if (sy <= CURVATURE_THRESHOLD) {
      return;
    }
    int slot = (newest + 1) % s.length;
    for (int i = 0; i < d.length; i++) {
      s[slot][i] = (float) (t * d[i]);
      y[slot][i] = gNew[i] - g[i];
    }
    rho[slot] = 1 / sy;
    newest = slot;
    count = Math.min(count + 1, s.length);
  }

  /** direction = −H·g, with H the L-BFGS inverse-Hessian estimate. */
  void direction(float[] g, float[] direction) {
    int n = g.length;
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = g[i];
    }
    for (int k = 0; k < count; k++) {
      int slot = Math.floorMod(newest - k, s.length);
      alpha[slot] = rho[slot] * dot(s[slot], q);
      axpy(-alpha[slot], y[slot], q);
    }
    double gamma = 1;
    if (count > 0) {
      gamma = 1 / (rho[newest] * Lbfgs.dot(y[newest], y[newest]));
    }
    for (int i = 0; i < n; i++) {
      q[i] *= gamma;
    }
    for (int k = count - 1; k >= 0; k--) {
      int slot = Math.floorMod(newest - k, s.length);
      double beta = rho[slot] * dot(y[slot], q);
      axpy(alpha[slot] - beta, s[slot], q);
    }
    for (int i = 0; i < n; i++) {
      direction[i] = (float) -q[i];
    }
  }

  private static double dot(float[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, float[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }
}
