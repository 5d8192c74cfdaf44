package io.chargen.model.eval;

import io.chargen.model.CharModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where learned one-shot codes lie compared with the codes the network was trained on (issue 13): their norms, and
 * the share of each code outside the span of the trained letters' codes. Codes far outside the trained region make
 * variants and blends leave the inputs the LSTM knows.
 *
 * @param trainedMean mean norm of the trained letters' codes
 * @param trainedMax largest norm of a trained letter's code
 * @param learnedMean mean norm of the learned codes
 * @param learnedMax largest norm of a learned code
 * @param outsideSpan mean over learned codes of |code − its projection onto the trained codes' span| / |code|
 */
public record CodeNorms(double trainedMean, double trainedMax, double learnedMean, double learnedMax,
    double outsideSpan) {

  /**
   * @param models models with learned codes (e.g. one per writer)
   * @param trained the letters the network was trained on
   * @param learned the letters learned one-shot in every model
   * @return the statistics over every model's learned codes
   */
  public static CodeNorms of(Collection<CharModel> models, List<String> trained, List<String> learned) {
    CharModel first = models.iterator().next();
    List<double[]> basis = orthonormalBasis(trained.stream().map(first::code).toList());
    double[] trainedNorms = trained.stream().mapToDouble(l -> norm(first.code(l))).toArray();
    List<Double> norms = new ArrayList<>();
    double outside = 0;
    for (CharModel m : models) {
      for (String l : learned) {
        float[] code = m.code(l);
        double n = norm(code);
        norms.add(n);
        outside += n > 0 ? residualNorm(code, basis) / n : 0;
      }
    }
    return new CodeNorms(mean(trainedNorms), max(trainedNorms),
        norms.stream().mapToDouble(Double::doubleValue).average().orElse(0),
        norms.stream().mapToDouble(Double::doubleValue).max().orElse(0), outside / norms.size());
  }

  /** Gram–Schmidt; vectors dependent on earlier ones are dropped. */
  private static List<double[]> orthonormalBasis(List<float[]> vectors) {
    List<double[]> basis = new ArrayList<>();
    for (float[] v : vectors) {
      double[] r = residual(v, basis);
      double n = Math.sqrt(dot(r, r));
      if (n > 1e-9) {
        for (int j = 0; j < r.length; j++) {
          r[j] /= n;
        }
        basis.add(r);
      }
    }
    return basis;
  }

  private static double[] residual(float[] v, List<double[]> basis) {
    double[] r = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      r[j] = v[j];
    }
    for (double[] b : basis) {
      double p = dot(r, b);
      for (int j = 0; j < r.length; j++) {
        r[j] -= p * b[j];
      }
    }
    return r;
  }

  private static double residualNorm(float[] v, List<double[]> basis) {
    double[] r = residual(v, basis);
    return Math.sqrt(dot(r, r));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s / a.length;
  }

  private static double max(double[] a) {
    double m = 0;
    for (double x : a) {
      m = Math.max(m, x);
    }
    return m;
  }
}
