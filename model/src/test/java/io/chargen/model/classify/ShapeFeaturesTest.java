package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.RealLetters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ShapeFeatures")
class ShapeFeaturesTest {
  private static final ShapeOptions POSITIONS_ONLY = new ShapeOptions(16, 1, 0, 0, 0.25);

  /** Multiplies dx, dy by the scale and shifts the first step, i.e. a larger letter drawn elsewhere. */
  static StrokeSequence scaledAndMoved(StrokeSequence s, float scale, float shiftX, float shiftY) {
    float[][] steps = s.toSteps();
    for (float[] step : steps) {
      step[StrokeSequence.DX] *= scale;
      step[StrokeSequence.DY] *= scale;
    }
    steps[0][StrokeSequence.DX] += shiftX;
    steps[0][StrokeSequence.DY] += shiftY;
    return StrokeSequence.ofSteps(steps);
  }

  @Test
  @DisplayName("gives a scaled and translated copy of a real letter the same features")
  void invariantToScaleAndTranslation() {
    StrokeSequence q = RealLetters.sequence(RealLetters.FIRST_WRITER, 'q', 0);
    ShapeFeatures a = ShapeFeatures.of(q, ShapeOptions.TUNED);
    ShapeFeatures b = ShapeFeatures.of(scaledAndMoved(q, 3.5f, 7, -2), ShapeOptions.TUNED);
    for (int k = 0; k < a.points(); k++) {
      for (int f = 0; f < ShapeFeatures.FEATURES; f++) {
        assertThat(b.get(k, f)).as("point %d feature %d", k, f).isCloseTo(a.get(k, f), within(1e-4f));
      }
    }
  }

  @Test
  @DisplayName("gives a line drawn slowly (many small steps) the features of the same line drawn fast")
  void invariantToWritingSpeed() {
    ShapeFeatures fast = ShapeFeatures.of(Letters.of(0, 0, 3, 0, 3, 0), POSITIONS_ONLY);
    ShapeFeatures slow = ShapeFeatures.of(Letters.of(0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0), POSITIONS_ONLY);
    for (int k = 0; k < fast.points(); k++) {
      assertThat(slow.get(k, 0)).isCloseTo(fast.get(k, 0), within(1e-5f));
      assertThat(slow.get(k, 1)).isCloseTo(fast.get(k, 1), within(1e-5f));
    }
  }

  @Test
  @DisplayName("centres the resampled points on the origin with RMS radius 1")
  void normalisesCentroidAndSize() {
    ShapeFeatures f = ShapeFeatures.of(Letters.of(0, 0, 5, 0, 0, 5, -5, 0), POSITIONS_ONLY);
    double sx = 0;
    double sy = 0;
    double ss = 0;
    for (int k = 0; k < f.points(); k++) {
      sx += f.get(k, 0);
      sy += f.get(k, 1);
      ss += f.get(k, 0) * f.get(k, 0) + f.get(k, 1) * f.get(k, 1);
    }
    assertThat(sx / f.points()).isCloseTo(0, within(1e-5));
    assertThat(sy / f.points()).isCloseTo(0, within(1e-5));
    assertThat(Math.sqrt(ss / f.points())).isCloseTo(1, within(1e-5));
  }

  @Test
  @DisplayName("flags the points on the pen-up jump between two strokes, and only those")
  void flagsPenUpJump() {
    StrokeSequence twoStrokes = StrokeSequence.ofSteps(new float[][] {
        {0, 0, 1, 1}, {1, 0, 1, 0}, {0, 2, 0, 1}, {1, 0, 1, 0}});
    ShapeFeatures f = ShapeFeatures.of(twoStrokes, new ShapeOptions(9, 1, 0, 1, 0.25));
    // path length 4 resampled every 0.5: the jump spans arc length (1, 3], i.e. points 3..6
    for (int k = 0; k < 9; k++) {
      assertThat(f.get(k, 4)).as("point %d", k).isEqualTo(k >= 3 && k <= 6 ? 1f : 0f);
    }
  }

  @Test
  @DisplayName("keeps a letter without length (one point) at the origin instead of failing")
  void handlesDegenerateLetter() {
    ShapeFeatures f = ShapeFeatures.of(Letters.of(0, 0), ShapeOptions.TUNED);
    assertThat(f.points()).isEqualTo(ShapeOptions.TUNED.points());
    assertThat(f.get(10, 0)).isZero();
    assertThat(f.get(10, 2)).isZero();
  }

  @Test
  @DisplayName("rejects positions without a pen flag each, naming both counts")
  void rejectsMismatchedFlags() {
    assertThatThrownBy(() -> ShapeFeatures.of(new float[][] {{0, 0}, {1, 1}}, new boolean[1], ShapeOptions.TUNED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 positions and 1 flags");
    assertThatThrownBy(() -> ShapeFeatures.of(new float[0][], new boolean[0], ShapeOptions.TUNED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one position");
  }
}
