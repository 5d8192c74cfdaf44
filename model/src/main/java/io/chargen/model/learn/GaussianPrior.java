package io.chargen.model.learn;

import java.util.List;

/**
 * The penalty weight·(c − μ)ᵀ Σ⁻¹ (c − μ) / H of a Gaussian fitted to the trained letters' codes (issue 13): μ their
 * mean, Σ their covariance shrunk towards the identity times its mean variance, (1 − s)·S + s·(tr S / H)·I, so that
 * it can be inverted although a dozen codes span only a dozen of the H directions (Ledoit and Wolf, "A well-conditioned
 * estimator for large-dimensional covariance matrices", J. Multivariate Analysis 88, 2004). Directions the trained
 * letters vary in are cheap; directions none of them uses cost up to 1/s times more.
 *
 * @param mean μ
 * @param precision Σ⁻¹, row-major H×H
 * @param weight the penalty's weight
 */
record GaussianPrior(double[] mean, double[] precision, double weight) implements CodePrior.Penalty {

  /**
   * @param codes the trained letters' codes (at least one)
   * @param weight the penalty's weight
   * @param shrinkage s in (0, 1]
   * @return the fitted prior
   */
  static GaussianPrior fit(List<float[]> codes, double weight, double shrinkage) {
    int h = codes.get(0).length;
    double[] mean = new double[h];
    for (float[] c : codes) {
      for (int j = 0; j < h; j++) {
        mean[j] += c[j] / (double) codes.size();
      }
    }
    double[] cov = new double[h * h];
    for (float[] c : codes) {
      for (int i = 0; i < h; i++) {
        double di = c[i] - mean[i];
        for (int j = 0; j < h; j++) {
          cov[i * h + j] += di * (c[j] - mean[j]) / codes.size();
        }
      }
    }
    double trace = 0;
    for (int i = 0; i < h; i++) {
      trace += cov[i * h + i];
    }
    double floor = trace > 0 ? trace / h : 1;
    for (int i = 0; i < h * h; i++) {
      cov[i] *= 1 - shrinkage;
    }
    for (int i = 0; i < h; i++) {
      cov[i * h + i] += shrinkage * floor;
    }
    return new GaussianPrior(mean, inverse(cov, h), weight);
  }

  @Override
  public double addTo(float[] code, float[] gradient) {
    int h = mean.length;
    double[] d = new double[h];
    for (int j = 0; j < h; j++) {
      d[j] = code[j] - mean[j];
    }
    double quadratic = 0;
    for (int i = 0; i < h; i++) {
      double row = 0;
      for (int j = 0; j < h; j++) {
        row += precision[i * h + j] * d[j];
      }
      quadratic += d[i] * row;
      gradient[i] += (float) (2 * weight * row / h);
    }
    return weight * quadratic / h;
  }

  /** Inverse of a symmetric positive definite matrix by Cholesky factorisation. */
  static double[] inverse(double[] a, int n) {
    double[] l = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i * n + j];
        for (int k = 0; k < j; k++) {
          sum -= l[i * n + k] * l[j * n + k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new IllegalArgumentException("covariance is not positive definite (pivot " + sum + ")");
          }
          l[i * n + i] = Math.sqrt(sum);
        } else {
          l[i * n + j] = sum / l[j * n + j];
        }
      }
    }
    double[] inv = new double[n * n];
    for (int col = 0; col < n; col++) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double sum = i == col ? 1 : 0;
        for (int k = 0; k < i; k++) {
          sum -= l[i * n + k] * y[k];
        }
        y[i] = sum / l[i * n + i];
      }
      for (int i = n - 1; i >= 0; i--) {
        double sum = y[i];
        for (int k = i + 1; k < n; k++) {
          sum -= l[k * n + i] * inv[k * n + col];
        }
        inv[i * n + col] = sum / l[i * n + i];
      }
    }
    return inv;
  }
}
