package io.chargen.model.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("L-BFGS with a strong-Wolfe line search")
class LbfgsTest {

  /** Rosenbrock's function in n dimensions, minimum 0 at (1, …, 1), counting its evaluations. */
  private static final class Rosenbrock implements Objective {
    int evaluations;

    @Override
    public double evaluate(float[] x, float[] g) {
      evaluations++;
      double f = 0;
      java.util.Arrays.fill(g, 0);
      for (int i = 0; i + 1 < x.length; i++) {
        double a = x[i + 1] - (double) x[i] * x[i];
        double b = 1 - x[i];
        f += 100 * a * a + b * b;
        g[i] += (float) (-400 * a * x[i] - 2 * b);
        g[i + 1] += (float) (200 * a);
      }
      return f;
    }
  }

  @Test
  @DisplayName("minimises the 2-d Rosenbrock function from (-1.2, 1) to its minimum (1, 1)")
  void minimisesRosenbrock() {
    Rosenbrock f = new Rosenbrock();
    float[] x = {-1.2f, 1f};
    double value = new Lbfgs(200, Lbfgs.DEFAULT_HISTORY).minimize(f, x);
    assertThat(value).isLessThan(1e-8);
    assertThat(x[0]).isCloseTo(1f, within(1e-3f));
    assertThat(x[1]).isCloseTo(1f, within(1e-3f));
  }

  @ParameterizedTest(name = "budget {0}")
  @ValueSource(ints = {1, 2, 5, 17, 40})
  @DisplayName("never spends more evaluations than its budget, and never ends worse than it started")
  void keepsItsBudget(int budget) {
    Rosenbrock f = new Rosenbrock();
    float[] x = {-1.2f, 1f, -0.5f, 2f};
    double start = f.evaluate(x.clone(), new float[4]);
    f.evaluations = 0;
    double value = new Lbfgs(budget, Lbfgs.DEFAULT_HISTORY).minimize(f, x);
    assertThat(f.evaluations).isLessThanOrEqualTo(budget);
    assertThat(value).isLessThanOrEqualTo(start);
    assertThat(value).isCloseTo(f.evaluate(x, new float[4]), within(1e-9));
  }

  @Test
  @DisplayName("solves a convex quadratic in about as many iterations as it has dimensions")
  void solvesQuadratic() {
    double[] scales = {1, 3, 10, 30, 100};
    Objective f = (x, g) -> {
      double v = 0;
      for (int i = 0; i < x.length; i++) {
        double d = x[i] - (i + 1);
        v += 0.5 * scales[i] * d * d;
        g[i] = (float) (scales[i] * d);
      }
      return v;
    };
    float[] x = new float[5];
    assertThat(new Lbfgs(40, Lbfgs.DEFAULT_HISTORY).minimize(f, x)).isLessThan(1e-9);
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).isCloseTo(i + 1f, within(1e-4f));
    }
  }

  @Test
  @DisplayName("rejects a budget or history below one, naming the values")
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new Lbfgs(0, 10)).hasMessageContaining("got 0 and 10");
    assertThatThrownBy(() -> new Lbfgs(10, 0)).hasMessageContaining("got 10 and 0");
  }
}
