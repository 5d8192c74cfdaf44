package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.RealLetters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TemplateAugmenter")
class TemplateAugmenterTest {
  @Test
  @DisplayName("returns the example first and eight distortions on the shear × stretch grid")
  void gridOfNine() {
    StrokeSequence r = RealLetters.sequence(RealLetters.FIRST_WRITER, 'r', 0);
    List<StrokeSequence> out = new TemplateAugmenter(0.2, 0.1).augment(r);
    assertThat(out).hasSize(9).doesNotHaveDuplicates();
    assertThat(out.get(0)).isEqualTo(r);
    assertThat(new TemplateAugmenter(0, 0).augment(r)).containsExactly(r);
  }

  @Test
  @DisplayName("moves every pen position to x' = k(x + s·y), y' = y and keeps pressure and strokes")
  void distortsPositionsAffinely() {
    StrokeSequence s = RealLetters.sequence(RealLetters.FIRST_WRITER, 's', 0);
    StrokeSequence d = TemplateAugmenter.distort(s, 0.3, 1.2);
    float[][] before = s.positions();
    float[][] after = d.positions();
    for (int t = 0; t < before.length; t++) {
      assertThat(after[t][0]).isCloseTo((float) (1.2 * (before[t][0] + 0.3 * before[t][1])), within(1e-4f));
      assertThat(after[t][1]).isEqualTo(before[t][1]);
      assertThat(d.get(t, StrokeSequence.PRESSURE)).isEqualTo(s.get(t, StrokeSequence.PRESSURE));
      assertThat(d.get(t, StrokeSequence.STROKE)).isEqualTo(s.get(t, StrokeSequence.STROKE));
    }
  }

  @Test
  @DisplayName("rejects a negative or infinite shear and a stretch outside [0, 1), naming the value")
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new TemplateAugmenter(-0.1, 0)).hasMessage("shear must be finite and >= 0, got -0.1");
    assertThatThrownBy(() -> new TemplateAugmenter(Double.POSITIVE_INFINITY, 0)).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> new TemplateAugmenter(0, 1)).hasMessage("stretch must be in [0, 1), got 1.0");
  }
}
