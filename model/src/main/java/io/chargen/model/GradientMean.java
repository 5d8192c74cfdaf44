package io.chargen.model;

import java.util.List;

/** The mean of per-sequence gradients, summed in list order: the default of {@link Backend#meanGradients}. */
final class GradientMean {
  private GradientMean() {}

  static Gradients of(List<Gradients> each) {
    float scale = 1f / each.size();
    Gradients first = each.get(0);
    double loss = 0;
    float[][] codes = first.codes() == null ? null : new float[first.codes().length][first.codes()[0].length];
    float[] wIh = first.wIh() == null ? null : new float[first.wIh().length];
    float[] wHh = first.wHh() == null ? null : new float[first.wHh().length];
    float[] wOut = first.wOut() == null ? null : new float[first.wOut().length];
    for (Gradients g : each) {
      loss += g.loss();
      if (codes != null) {
        for (int k = 0; k < codes.length; k++) {
          accumulate(codes[k], g.codes()[k], scale);
        }
      }
      accumulate(wIh, g.wIh(), scale);
      accumulate(wHh, g.wHh(), scale);
      accumulate(wOut, g.wOut(), scale);
    }
    return new Gradients(loss / each.size(), null, null, codes, wIh, wHh, wOut);
  }

  private static void accumulate(float[] sum, float[] g, float scale) {
    if (sum == null) {
      return;
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] += scale * g[i];
    }
  }
}
