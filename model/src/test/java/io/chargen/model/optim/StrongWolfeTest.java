package io.chargen.model.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StrongWolfe line search")
class StrongWolfeTest {

  /** f(x) = sum of (x_i − c)^4 + (x_i − c)^2 along the direction of steepest descent from 0. */
  private static final Objective QUARTIC = (x, g) -> {
    double f = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - 3;
      f += d * d * d * d + d * d;
      g[i] = (float) (4 * d * d * d + 2 * d);
    }
    return f;
  };

  @Test
  @DisplayName("returns a step that satisfies both strong Wolfe conditions, even from a far too short first step")
  void satisfiesStrongWolfe() {
    float[] x = new float[3];
    float[] g = new float[3];
    double f = QUARTIC.evaluate(x, g);
    float[] d = {-g[0], -g[1], -g[2]};
    double gtd = Lbfgs.dot(g, d);
    for (double first : new double[] {1e-4, 0.01, 1, 50}) {
      StrongWolfe.Step step = new StrongWolfe(QUARTIC, x, d).search(f, g, first, gtd, 100);
      assertThat(step.value()).as("sufficient decrease from t0 = %s", first)
          .isLessThanOrEqualTo(f + StrongWolfe.C1 * step.t() * gtd);
      assertThat(Math.abs(Lbfgs.dot(step.gradient(), d))).as("curvature from t0 = %s", first)
          .isLessThanOrEqualTo(StrongWolfe.C2 * Math.abs(gtd));
      assertThat(step.evaluations()).isLessThanOrEqualTo(StrongWolfe.MAX_ITERATIONS + 1);
    }
  }

  @Test
  @DisplayName("with a budget of one evaluation, keeps the start when the trial step is worse")
  void budgetOfOneKeepsTheBetterPoint() {
    float[] x = new float[3];
    float[] g = new float[3];
    double f = QUARTIC.evaluate(x, g);
    float[] d = {-g[0], -g[1], -g[2]};
    StrongWolfe.Step step = new StrongWolfe(QUARTIC, x, d).search(f, g, 1e3, Lbfgs.dot(g, d), 1);
    assertThat(step.evaluations()).isEqualTo(1);
    assertThat(step.t()).isZero();
    assertThat(step.value()).isEqualTo(f);
  }

  @Test
  @DisplayName("interpolates a cubic exactly: the minimiser of t^3 - 3t from its values and slopes at 0 and 2 is 1")
  void cubicInterpolationIsExact() {
    // through (0, 0, slope -3) and (2, 2, slope 9): f(t) = t^3 - 3t, local minimum at t = 1
    double t = StrongWolfe.cubicMinimum(point(0, 0, -3), point(2, 2, 9), 0, 2);
    assertThat(t).isCloseTo(1, within(1e-12));
    assertThat(StrongWolfe.cubicMinimum(point(2, 2, 9), point(0, 0, -3), 0, 2)).isCloseTo(1, within(1e-12));
    assertThat(StrongWolfe.cubicMinimum(point(0, 0, -3), point(2, 2, 9), 1.5, 2)).isEqualTo(1.5);
  }

  private static StrongWolfe.Point point(double t, double f, double gtd) {
    return new StrongWolfe.Point(t, f, null, gtd);
  }
}
