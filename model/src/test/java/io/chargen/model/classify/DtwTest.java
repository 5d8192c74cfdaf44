package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.StrokeSequence;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dtw")
class DtwTest {
  private static final double EPS = 1e-9;

  @Test
  @DisplayName("warps a three-point line onto a two-point line at the hand-computed cost 1")
  void handComputedHorizontal() {
    // positions a: (0,0) (1,0) (2,0); b: (0,0) (2,0)
    // cost rows: [0 2] [1 1] [2 0]; D rows: [0 2] [1 1] [3 1] -> D(2,1) = 1
    StrokeSequence a = Letters.of(0, 0, 1, 0, 1, 0);
    StrokeSequence b = Letters.of(0, 0, 2, 0);
    assertThat(Dtw.unconstrained().distance(a, b)).isCloseTo(1.0, within(EPS));
  }

  @Test
  @DisplayName("adds x and y differences as the L1 point cost, hand-computed to 4")
  void handComputedTwoDimensional() {
    // positions a: (0,0) (1,2); b: (1,0) (1,2) (3,3)
    // cost rows: [1 3 6] [2 0 3]; D rows: [1 4 10] [3 1 4] -> 4
    StrokeSequence a = Letters.of(0, 0, 1, 2);
    StrokeSequence b = Letters.of(1, 0, 0, 2, 2, 1);
    assertThat(Dtw.unconstrained().distance(a, b)).isCloseTo(4.0, within(EPS));
  }

  @Test
  @DisplayName("a band of zero forces the diagonal: 3 instead of the warped 2")
  void bandZeroIsDiagonal() {
    // positions a: (0,0) (1,0) (2,0); b: (1,0) (2,0) (3,0)
    // cost rows: [1 2 3] [0 1 2] [1 0 1]; D rows: [1 3 6] [1 2 4] [2 1 2] -> 2; diagonal 1+1+1 = 3
    StrokeSequence a = Letters.of(0, 0, 1, 0, 1, 0);
    StrokeSequence b = Letters.of(1, 0, 1, 0, 1, 0);
    assertThat(Dtw.unconstrained().distance(a, b)).isCloseTo(2.0, within(EPS));
    assertThat(Dtw.withBand(0).distance(a, b)).isCloseTo(3.0, within(EPS));
    assertThat(Dtw.withBand(1).distance(a, b)).isCloseTo(2.0, within(EPS));
  }

  @Test
  @DisplayName("a band narrower than the length difference is widened so a path exists")
  void bandWidenedForDifferentLengths() {
    StrokeSequence a = Letters.of(0, 0, 1, 0, 1, 0);
    StrokeSequence b = Letters.of(0, 0, 2, 0);
    assertThat(Dtw.withBand(0).distance(a, b)).isCloseTo(1.0, within(EPS));
  }

  @Test
  @DisplayName("is zero for a letter and itself, and symmetric, with or without a band")
  void zeroAndSymmetric() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      StrokeSequence a = randomLetter(random, 5 + random.nextInt(30));
      StrokeSequence b = randomLetter(random, 5 + random.nextInt(30));
      for (Dtw dtw : new Dtw[] {Dtw.unconstrained(), Dtw.withBand(3)}) {
        assertThat(dtw.distance(a, a)).isZero();
        assertThat(dtw.distance(a, b)).isCloseTo(dtw.distance(b, a), within(1e-9));
        assertThat(dtw.distance(a, b)).isPositive();
      }
    }
  }

  @Test
  @DisplayName("agrees with a full-matrix textbook DTW on random letters")
  void agreesWithFullMatrix() {
    Random random = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      StrokeSequence a = randomLetter(random, 1 + random.nextInt(25));
      StrokeSequence b = randomLetter(random, 1 + random.nextInt(25));
      assertThat(Dtw.unconstrained().distance(a, b)).isCloseTo(fullMatrix(a, b), within(1e-6));
    }
  }

  @Test
  @DisplayName("rejects a negative band and names it")
  void rejectsNegativeBand() {
    assertThatThrownBy(() -> Dtw.withBand(-2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
  }

  private static StrokeSequence randomLetter(Random random, int steps) {
    float[] dxdy = new float[2 * steps];
    for (int i = 0; i < dxdy.length; i++) {
      dxdy[i] = random.nextFloat() * 2 - 1;
    }
    return Letters.of(dxdy);
  }

  /** The textbook O(n·m)-memory recursion, an independent oracle. */
  private static double fullMatrix(StrokeSequence a, StrokeSequence b) {
    float[][] p = a.positions();
    float[][] q = b.positions();
    double[][] d = new double[p.length + 1][q.length + 1];
    for (double[] row : d) {
      java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    d[0][0] = 0;
    for (int i = 1; i <= p.length; i++) {
      for (int j = 1; j <= q.length; j++) {
        double cost = Math.abs((double) p[i - 1][0] - q[j - 1][0]) + Math.abs((double) p[i - 1][1] - q[j - 1][1]);
        d[i][j] = cost + Math.min(d[i - 1][j - 1], Math.min(d[i - 1][j], d[i][j - 1]));
      }
    }
    return d[p.length][q.length];
  }
}
