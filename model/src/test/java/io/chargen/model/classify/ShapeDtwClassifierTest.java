package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.Classification;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.RealLetters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ShapeDtwClassifier")
class ShapeDtwClassifierTest {
  private static final List<String> LETTERS = List.of("n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y",
      "z");

  private static Map<String, StrokeSequence> examples(String writer) {
    Map<String, StrokeSequence> m = new LinkedHashMap<>();
    LETTERS.forEach(l -> m.put(l, RealLetters.sequence(writer, l.charAt(0), 0)));
    return m;
  }

  @Test
  @DisplayName("labels a scaled and translated copy of each real template as that template, at distance 0")
  void scaledCopyClassifiesTheSame() {
    ShapeDtwClassifier classifier = ShapeDtwClassifier.oneShot(examples(RealLetters.FIRST_WRITER));
    for (String l : LETTERS) {
      StrokeSequence copy = ShapeFeaturesTest.scaledAndMoved(RealLetters.sequence(RealLetters.FIRST_WRITER,
          l.charAt(0), 0), 0.4f, -3, 5);
      Classification c = classifier.classify(copy, LETTERS);
      assertThat(c.label()).as("letter %s", l).isEqualTo(l);
      assertThat(c.scores().get(l)).isCloseTo(0, within(1e-3));
      assertThat(c.method()).isEqualTo(ShapeDtwClassifier.NAME);
    }
  }

  @Test
  @DisplayName("scores every candidate by its nearest template's negated distance, and only the candidates")
  void scoresAreNegatedNearestDistances() {
    StrokeSequence o = RealLetters.sequence(RealLetters.FIRST_WRITER, 'o', 0);
    StrokeSequence u = RealLetters.sequence(RealLetters.FIRST_WRITER, 'u', 0);
    StrokeSequence query = RealLetters.sequence(RealLetters.FIRST_WRITER, 'o', 1);
    ShapeDtwClassifier classifier = new ShapeDtwClassifier(Map.of("o", List.of(u, o), "u", List.of(u)),
        ShapeOptions.TUNED);
    ShapeDtw dtw = new ShapeDtw(ShapeOptions.TUNED.band());
    ShapeFeatures q = ShapeFeatures.of(query, ShapeOptions.TUNED);
    double toO = dtw.distance(q, ShapeFeatures.of(o, ShapeOptions.TUNED));
    double toU = dtw.distance(q, ShapeFeatures.of(u, ShapeOptions.TUNED));
    Classification c = classifier.classify(query, List.of("o"));
    assertThat(c.scores()).containsOnlyKeys("o");
    assertThat(c.scores().get("o")).isCloseTo(-Math.min(toO, toU), within(1e-9));
  }

  @Test
  @DisplayName("rejects an unknown candidate, no candidates, no templates and a concept without templates")
  void rejectsBadInput() {
    ShapeDtwClassifier classifier = ShapeDtwClassifier.oneShot(Map.of("n", Letters.of(0, 0, 1, 0)));
    assertThatThrownBy(() -> classifier.classify(Letters.of(0, 0, 1, 0), List.of("n", "zz")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no template for concept 'zz'");
    assertThatThrownBy(() -> classifier.classify(Letters.of(0, 0, 1, 0), List.of()))
        .hasMessage("no candidate concepts to classify into");
    assertThatThrownBy(() -> new ShapeDtwClassifier(Map.of(), ShapeOptions.TUNED))
        .hasMessageContaining("at least one template");
    assertThatThrownBy(() -> new ShapeDtwClassifier(Map.of("q", List.of()), ShapeOptions.TUNED))
        .hasMessage("concept 'q' has no templates");
  }
}
