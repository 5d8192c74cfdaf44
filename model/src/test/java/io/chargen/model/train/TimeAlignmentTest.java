package io.chargen.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeAlignmentTest {
  private final TimeAlignment alignment = new TimeAlignment(TimeAlignment.DEFAULT_BAND_FRACTION);



  @Test
  @DisplayName("a letter drawn late is re-timed onto the generation's clock: far closer than the plain MSE says")
  void retimesADelayedLetter() {
    StrokeSequence generated = TinyModels.loop(30, 0);
    StrokeSequence late = TinyModels.delayed(generated, 3);
    StrokeSequence retimed = alignment.retime(generated, late);
    assertThat(retimed.meanSquaredError(generated)).isLessThan(late.meanSquaredError(generated) / 2);
  }

  @Test
  @DisplayName("the re-timed target ends where the target ends and stays within the target's bounding box")
  void followsThePath() {
    StrokeSequence generated = TinyModels.random(25, 3);
    StrokeSequence target = TinyModels.loop(25, 1);
    float[][] retimed = alignment.retime(generated, target).positions();
    float[][] path = target.positions();
    assertThat(retimed[24][0]).isCloseTo(path[24][0], within(1e-5f));
    assertThat(retimed[24][1]).isCloseTo(path[24][1], within(1e-5f));
    for (int axis = 0; axis < 2; axis++) {
      int a = axis;
      double low = Arrays.stream(path).mapToDouble(p -> p[a]).min().orElseThrow();
      double high = Arrays.stream(path).mapToDouble(p -> p[a]).max().orElseThrow();
      assertThat(Arrays.stream(retimed).mapToDouble(p -> p[a])).allMatch(v -> v >= low - 1e-5 && v <= high + 1e-5);
    }
  }

  @Test
  @DisplayName("identical sequences stay as they are, and a zero band forbids any re-timing")
  void identityAndZeroBand() {
    StrokeSequence s = TinyModels.loop(20, 0.5);
    assertThat(alignment.retime(s, s).meanSquaredError(s)).isLessThan(1e-10);
    StrokeSequence late = TinyModels.delayed(s, 3);
    assertThat(new TimeAlignment(0).retime(s, late).meanSquaredError(late)).isLessThan(1e-10);
  }

  @Test
  @DisplayName("bad input names the problem: band outside [0, 1], lengths that differ")
  void rejectsBadInput() {
    assertThatThrownBy(() -> new TimeAlignment(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> alignment.retime(TinyModels.loop(10, 0), TinyModels.loop(11, 0)))
        .hasMessageContaining("10").hasMessageContaining("11");
  }
}
