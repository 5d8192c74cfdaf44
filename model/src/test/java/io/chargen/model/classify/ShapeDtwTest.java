package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.fixtures.TinyModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ShapeDtw")
class ShapeDtwTest {
  private static final ShapeOptions OPTIONS = new ShapeOptions(12, 1, 1, 0.5, 0.25);

  private static ShapeFeatures random(long seed) {
    return ShapeFeatures.of(TinyModels.random(20, seed), OPTIONS);
  }

  /** Independent oracle: the textbook full-matrix recursion with the band as a mask. */
  private static double reference(ShapeFeatures a, ShapeFeatures b, int band) {
    int n = a.points();
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (Math.abs(i - j) > band) {
          d[i][j] = Double.POSITIVE_INFINITY;
          continue;
        }
        double cost = 0;
        for (int f = 0; f < ShapeFeatures.FEATURES; f++) {
          cost += Math.abs(a.get(i, f) - b.get(j, f));
        }
        double best = i == 0 && j == 0 ? 0 : Double.POSITIVE_INFINITY;
        if (i > 0) {
          best = Math.min(best, d[i - 1][j]);
        }
        if (j > 0) {
          best = Math.min(best, d[i][j - 1]);
        }
        if (i > 0 && j > 0) {
          best = Math.min(best, d[i - 1][j - 1]);
        }
        d[i][j] = cost + best;
      }
    }
    return d[n - 1][n - 1];
  }

  @Test
  @DisplayName("equals the full-matrix recursion, with and without a band")
  void matchesFullMatrixOracle() {
    for (long seed = 1; seed <= 5; seed++) {
      ShapeFeatures a = random(seed);
      ShapeFeatures b = random(seed + 100);
      for (int band : new int[] {0, 2, 5, 12}) {
        assertThat(new ShapeDtw(band).distance(a, b)).as("seed %d band %d", seed, band)
            .isCloseTo(reference(a, b, band), within(1e-9));
      }
    }
  }

  @Test
  @DisplayName("is zero for identical letters, symmetric, and never smaller with a narrower band")
  void basicProperties() {
    ShapeFeatures a = random(7);
    ShapeFeatures b = random(8);
    assertThat(new ShapeDtw(3).distance(a, a)).isZero();
    assertThat(new ShapeDtw(3).distance(a, b)).isCloseTo(new ShapeDtw(3).distance(b, a), within(1e-9));
    assertThat(new ShapeDtw(1).distance(a, b)).isGreaterThanOrEqualTo(new ShapeDtw(6).distance(a, b));
  }

  @Test
  @DisplayName("abandons to infinity only when the distance exceeds the cutoff")
  void earlyAbandoning() {
    ShapeFeatures a = random(1);
    ShapeFeatures b = random(2);
    double exact = new ShapeDtw(3).distance(a, b);
    assertThat(new ShapeDtw(3).distance(a, b, exact + 1e-6)).isCloseTo(exact, within(1e-9));
    assertThat(new ShapeDtw(3).distance(a, b, exact / 2)).isInfinite();
  }

  @Test
  @DisplayName("rejects a negative band and letters of different point counts, naming the values")
  void rejectsBadInput() {
    assertThatThrownBy(() -> new ShapeDtw(-1)).hasMessageContaining("got -1");
    ShapeFeatures small = ShapeFeatures.of(TinyModels.random(5, 1), new ShapeOptions(4, 1, 1, 1, 0.5));
    assertThatThrownBy(() -> new ShapeDtw(2).distance(random(1), small))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 12 and 4");
  }
}
