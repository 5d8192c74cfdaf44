package io.chargen.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StyleLearnerTest {
  private final FastBackend backend = new FastBackend();
  private final Generator generator = new Generator(backend);
  /** Letters a, b, c and three writers' random style columns. */
  private final CharModel model = CharModel.untrained(
      ConceptSet.of(List.of("a", "b", "c", "@u", "@v", "@w", ConceptSet.TYPICAL_STYLE)), 16, 3)
      .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, ConceptSet.TYPICAL_STYLE));
  /** The new writer's hand to recover: mostly u's, a little v's. */
  private final Map<String, Double> newHand = Map.of("@u", 0.7, "@v", 0.3);

  private StrokeSequence inHand(CharModel m, String letter, Map<String, Double> hand) {
    Map<String, Double> mix = new HashMap<>(hand);
    mix.put(letter, 1.0);
    return generator.generate(m, mix, GenerationRequest.plain(18)).output();
  }

  private StrokeSequence inHand(CharModel m, String letter, String style) {
    return inHand(m, letter, Map.of(style, 1.0));
  }

  @Test
  @DisplayName("a style learned from a and b in a new hand writes c, a letter it never saw, nearer that hand than the "
      + "typical hand, within its capped budget")
  void transfersToUnseenLetters() {
    Map<String, StrokeSequence> examples = Map.of("a", inHand(model, "a", newHand), "b", inHand(model, "b", newHand));
    StyleLearner learner = new StyleLearner(backend, OneShotSchedule.FAST);
    OneShotResult result = learner.learnStyle(model, "@new", examples);
    assertThat(result.lossAfter()).isLessThan(result.lossBefore() * 0.8);
    assertThat(result.evaluations()).isLessThanOrEqualTo(StyleLearner.MAX_LBFGS_EVALUATIONS);
    CharModel learned = learner.learn(model, "@new", examples);
    StrokeSequence truth = inHand(model, "c", newHand);
    assertThat(inHand(learned, "c", "@new").meanSquaredError(truth))
        .isLessThan(inHand(model, "c", ConceptSet.TYPICAL_STYLE).meanSquaredError(truth) * 0.8);
    assertThat(learned.concepts().styles()).containsExactly("@u", "@v", "@w", ConceptSet.TYPICAL_STYLE, "@new");
    assertThat(learned.code("a")).isEqualTo(model.code("a"));
    assertThat(learned.weights().wHh()).isEqualTo(model.weights().wHh());
  }

  @Test
  @DisplayName("bad requests name the problem: a label without @, no examples, an unknown letter")
  void rejectsBadInput() {
    StyleLearner learner = new StyleLearner(backend, OneShotSchedule.FAST);
    StrokeSequence s = TinyModels.loop(10, 0);
    assertThatThrownBy(() -> learner.learnStyle(model, "w2", Map.of("a", s))).hasMessageContaining("'w2'");
    assertThatThrownBy(() -> learner.learnStyle(model, "@w2", Map.of())).hasMessageContaining("@w2");
    assertThatThrownBy(() -> learner.learnStyle(model, "@w2", Map.of("z", s)))
        .hasMessageContaining("unknown concept \"z\"");
    assertThatThrownBy(() -> learner.learnStyle(TinyModels.untrained("ab", 4, 1), "@w2", Map.of("a", s)))
        .hasMessageContaining("no writer styles");
  }

  @Test
  @DisplayName("a one-shot letter in a styled model is learned in the default style, so its generation matches")
  void oneShotLettersUseTheDefaultStyle() {
    StrokeSequence example = TinyModels.loop(18, 0.7);
    LearnedConcepts learned = new OneShotLearner(backend, OneShotSchedule.FAST).learn(model, Map.of("n", example), 1);
    StrokeSequence regenerated = generator.generate(learned.model(), Map.of("n", 1.0),
        new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false)).output();
    assertThat(regenerated.length()).isEqualTo(18);
    assertThat(regenerated.meanSquaredError(example)).isCloseTo(learned.results().get("n").lossAfter(),
        within(1e-5));
  }
}
