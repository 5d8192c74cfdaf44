package io.chargen.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;

/** The one check of an analytic gradient against central finite differences, for the one-shot objective's terms. */
final class FiniteDifferences {
  private FiniteDifferences() {}

  /**
   * Asserts {@code |gradient[j] − (f(x + h·e_j) − f(x − h·e_j)) / 2h| ≤ absolute + relative · |numeric|} for every j.
   *
   * @param f the function
   * @param x where
   * @param gradient its analytic gradient at {@code x}
   * @param h the step
   * @param absolute the absolute tolerance
   * @param relative the tolerance relative to the numeric derivative
   * @param what names the case in a failure
   */
  static void assertGradient(ToDoubleFunction<float[]> f, float[] x, float[] gradient, double h, double absolute,
      double relative, String what) {
    for (int j = 0; j < x.length; j++) {
      float[] plus = x.clone();
      float[] minus = x.clone();
      plus[j] += (float) h;
      minus[j] -= (float) h;
      double numeric = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
      assertThat((double) gradient[j]).as("%s d/dx[%d]", what, j)
          .isCloseTo(numeric, within(absolute + relative * Math.abs(numeric)));
    }
  }
}
