package io.chargen.model.kernel;

import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;

/**
 * A deliberately naive double-precision forward pass of the paper's network (PyTorch LSTM equations, gates i, f, g, o,
 * no bias), used only as a finite-difference oracle. Shares no code with the kernel.
 */
final class ReferenceLstm {
  private final int h;
  private final double[][] codes;
  private final double[] wIh;
  private final double[] wHh;
  private final double[] wOut;
  private double[] inputShift;

  ReferenceLstm(LstmWeights w) {
    h = w.hidden();
    codes = new double[w.concepts()][];
    for (int k = 0; k < codes.length; k++) {
      codes[k] = toDouble(w.code(k));
    }
    wIh = toDouble(w.wIh());
    wHh = toDouble(w.wHh());
    wOut = toDouble(w.wOut());
  }

  private ReferenceLstm(ReferenceLstm o) {
    h = o.h;
    codes = new double[o.codes.length][];
    for (int k = 0; k < codes.length; k++) {
      codes[k] = o.codes[k].clone();
    }
    wIh = o.wIh.clone();
    wHh = o.wHh.clone();
    wOut = o.wOut.clone();
  }

  ReferenceLstm perturbed(String array, int index, double eps) {
    ReferenceLstm c = new ReferenceLstm(this);
    switch (array) {
      case "wIh" -> c.wIh[index] += eps;
      case "wHh" -> c.wHh[index] += eps;
      case "wOut" -> c.wOut[index] += eps;
      default -> c.codes[Integer.parseInt(array.substring(4))][index] += eps;
    }
    return c;
  }

  ReferenceLstm withInput(int index, double eps) {
    ReferenceLstm c = new ReferenceLstm(this);
    c.inputShift = new double[codes.length];
    c.inputShift[index] = eps;
    return c;
  }

  double loss(float[] x, StrokeSequence target) {
    double[] y = outputs(x, target.length());
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double d = y[i] - target.get(i / 4, i % 4);
      sum += d * d;
    }
    return sum / y.length;
  }

  double[] outputs(float[] x, int steps) {
    double[] z = new double[h];
    for (int k = 0; k < codes.length; k++) {
      double xk = x[k] + (inputShift == null ? 0 : inputShift[k]);
      for (int j = 0; j < h; j++) {
        z[j] += xk * codes[k][j];
      }
    }
    double[] hs = new double[h];
    double[] cs = new double[h];
    double[] y = new double[steps * 4];
    for (int t = 0; t < steps; t++) {
      double[] a = new double[4 * h];
      for (int r = 0; r < 4 * h; r++) {
        for (int j = 0; j < h; j++) {
          a[r] += wIh[r * h + j] * z[j] + wHh[r * h + j] * hs[j];
        }
      }
      for (int j = 0; j < h; j++) {
        double i = sig(a[j]);
        double f = sig(a[h + j]);
        double g = Math.tanh(a[2 * h + j]);
        double o = sig(a[3 * h + j]);
        cs[j] = f * cs[j] + i * g;
        hs[j] = o * Math.tanh(cs[j]);
      }
      for (int c = 0; c < 4; c++) {
        for (int j = 0; j < h; j++) {
          y[t * 4 + c] += wOut[c * h + j] * hs[j];
        }
      }
    }
    return y;
  }

  private static double sig(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  private static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
