package io.chargen.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.RealLetters;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The authors' transform")
class TransformTest {
  private static final Offset<Float> EXACT = within(1e-6f);

  private static PenPoint down(double x, double y, double pressure) {
    return new PenPoint(x, y, pressure, true, 0);
  }

  private static PenPoint move(double x, double y, double pressure) {
    return new PenPoint(x, y, pressure, false, 0);
  }

  @Test
  @DisplayName("matches a hand-computed example: last point dropped, shared dx/dy divisor, per-column maxima")
  void matchesHandComputedExample() {
    List<PenPoint> points = List.of(
        down(0.10, 0.20, 0.2), move(0.30, 0.10, 0.5), move(0.30, 0.50, 0.4), down(0.50, 0.50, 0.1),
        move(0.90, 0.00, 0.9)); // dropped: would change every divisor if it were kept
    // dx = 0, .2, 0, .2; dy = 0, -.1, .4, 0; shared divisor .4; pressure divisor .5; stroke divisor 1
    float[][] expected = {
        {0f, 0f, 0.4f, 1f},
        {0.5f, -0.25f, 1f, 0f},
        {0f, 1f, 0.8f, 0f},
        {0.5f, 0f, 0.2f, 1f}};

    float[][] actual = Transform.apply(points).toSteps();

    assertThat(actual).hasNumberOfRows(4);
    for (int t = 0; t < expected.length; t++) {
      for (int c = 0; c < StrokeSequence.CHANNELS; c++) {
        assertThat(actual[t][c]).as("step %d channel %d", t, c).isCloseTo(expected[t][c], EXACT);
      }
    }
  }

  @Test
  @DisplayName("divides dx and dy by the larger of their maxima, keeping the aspect ratio of a wide letter")
  void sharesDivisorOfWideLetter() {
    StrokeSequence s = Transform.apply(List.of(
        down(0, 0, 1), move(-0.8, 0.2, 1), move(-0.6, 0.1, 1), move(0, 0, 1)));

    assertThat(s.get(1, StrokeSequence.DX)).isCloseTo(-1f, EXACT);
    assertThat(s.get(1, StrokeSequence.DY)).isCloseTo(0.25f, EXACT);
    assertThat(s.get(2, StrokeSequence.DX)).isCloseTo(0.25f, EXACT);
    assertThat(s.get(2, StrokeSequence.DY)).isCloseTo(-0.125f, EXACT);
  }

  @Test
  @DisplayName("leaves all-zero columns at zero instead of dividing by zero")
  void keepsZeroColumnsZero() {
    StrokeSequence s = Transform.apply(List.of(move(0.3, 0.3, 0), move(0.3, 0.3, 0), move(0.3, 0.3, 0)));

    assertThat(s.toArray()).containsOnly(0f);
  }

  @Test
  @DisplayName("turns a 2-point letter into the single step (0, 0, 1, 1)")
  void transformsTwoPoints() {
    StrokeSequence s = Transform.apply(List.of(down(0.1, 0.2, 0.3), move(0.5, 0.5, 0.6)));

    assertThat(s.toSteps()).isDeepEqualTo(new float[][] {{0f, 0f, 1f, 1f}});
  }

  @Test
  @DisplayName("rejects a 1-point letter, naming the point count")
  void rejectsOnePoint() {
    assertThatThrownBy(() -> Transform.apply(List.of(down(0.1, 0.2, 0.3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 points")
        .hasMessageContaining("got 1");
  }

  @Test
  @DisplayName("names the sample when a recorded letter is too short")
  void namesShortSample() {
    PenSample sample = new PenSample('q', "w1", 3, List.of(down(0.1, 0.2, 0.3)));

    assertThatThrownBy(() -> Transform.apply(sample))
        .hasMessageContaining("'q'").hasMessageContaining("instance 3").hasMessageContaining("w1");
  }

  @Test
  @DisplayName("gives live pen points the same result as the recorded sample they form")
  void treatsLiveInputLikeRecordedInput() {
    PenSample sample = RealLetters.sample(RealLetters.FIRST_WRITER, 'k', 2);

    assertThat(Transform.apply(List.copyOf(sample.points()))).isEqualTo(Transform.apply(sample));
  }

  @Test
  @DisplayName("gives positions that are the kept points' offsets from the first point, up to one scale")
  void invertsPositionsUpToScale() {
    PenSample sample = RealLetters.sample(RealLetters.FIRST_WRITER, 'g', 0);
    List<PenPoint> p = sample.points();
    double scale = 0; // independent oracle: the shared divisor from the raw points
    for (int t = 1; t < p.size() - 1; t++) {
      scale = Math.max(scale, Math.max(Math.abs(p.get(t).x() - p.get(t - 1).x()),
          Math.abs(p.get(t).y() - p.get(t - 1).y())));
    }

    float[][] xy = Transform.positions(Transform.apply(sample));

    assertThat(xy).hasNumberOfRows(p.size() - 1);
    for (int t = 0; t < xy.length; t++) {
      assertThat(xy[t][0] * scale + p.get(0).x()).as("x at %d", t).isCloseTo(p.get(t).x(), within(1e-5));
      assertThat(xy[t][1] * scale + p.get(0).y()).as("y at %d", t).isCloseTo(p.get(t).y(), within(1e-5));
    }
  }

  @Test
  @DisplayName("splits a sequence into strokes where the stroke channel exceeds 0.5")
  void splitsStrokes() {
    StrokeSequence s = StrokeSequence.ofSteps(new float[][] {
        {0, 0, 1, 0.2f}, {1, 0, 1, 0}, {0, 1, 1, 0.9f}, {1, 1, 1, 0.5f}, {-1, 0, 1, 0.51f}});

    List<List<PenPoint>> strokes = Transform.toStrokes(s);

    assertThat(strokes).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(strokes.get(1).get(0)).extracting(PenPoint::x, PenPoint::y).containsExactly(1.0, 1.0);
    assertThat(strokes.get(2).get(0)).extracting(PenPoint::x, PenPoint::y, PenPoint::penDown)
        .containsExactly(1.0, 2.0, true);
  }

  @Test
  @DisplayName("draws a real letter with as many strokes as it has pen-down points")
  void drawsRealStrokes() {
    for (char letter = 'a'; letter <= 'z'; letter++) {
      PenSample sample = RealLetters.sample(RealLetters.SECOND_WRITER, letter, 1);
      long penDowns = sample.points().subList(0, sample.length() - 1).stream().filter(PenPoint::penDown).count();

      assertThat(Transform.toStrokes(Transform.apply(sample))).as("letter %s", letter).hasSize((int) penDowns);
    }
  }

  @Test
  @DisplayName("keeps every value of the shipped data within -1..1 with each non-zero column reaching 1")
  void normalisesRealLetters() {
    for (PenSample sample : RealLetters.writer(RealLetters.FIRST_WRITER)) {
      float[] v = Transform.apply(sample).toArray();
      float maxXy = 0;
      for (int i = 0; i < v.length; i++) {
        assertThat(Math.abs(v[i])).isLessThanOrEqualTo(1f);
        if (i % StrokeSequence.CHANNELS <= StrokeSequence.DY) {
          maxXy = Math.max(maxXy, Math.abs(v[i]));
        }
      }
      assertThat(maxXy).as("max |dx|,|dy| of %s", sample.label()).isEqualTo(1f);
    }
  }
}
