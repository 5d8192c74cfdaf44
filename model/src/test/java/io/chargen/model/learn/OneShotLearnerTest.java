package io.chargen.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneShotLearnerTest {
  private final FastBackend backend = new FastBackend();
  private final CharModel model = TinyModels.untrained("ab", 16, 3);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fast", "fast-plain", "paper", "paper-total"})
  @DisplayName("learning a new letter lowers its regeneration error and leaves LSTM, output and old codes unchanged")
  void learnsOnlyTheNewColumn(String schedule) {
    StrokeSequence example = TinyModels.loop(20, 0.3);
    LearnedConcepts learned = new OneShotLearner(backend, OneShotSchedule.byName(schedule))
        .learn(model, Map.of("n", example), 5);
    OneShotResult result = learned.results().get("n");
    assertThat(result.lossAfter()).isLessThan(result.lossBefore() * 0.85);
    CharModel after = learned.model();
    assertThat(after.concepts().labels()).containsExactly("a", "b", "n");
    assertThat(after.weights().wIh()).isEqualTo(model.weights().wIh());
    assertThat(after.weights().wHh()).isEqualTo(model.weights().wHh());
    assertThat(after.weights().wOut()).isEqualTo(model.weights().wOut());
    assertThat(after.code("a")).isEqualTo(model.code("a"));
    StrokeSequence regenerated = new Generator(backend)
        .generate(after, Map.of("n", 1.0), GenerationRequest.plain(20)).output();
    assertThat(regenerated.meanSquaredError(example)).isCloseTo(result.lossAfter(),
        org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  @DisplayName("several letters learn together, each as well as alone, and the same seed gives the same codes")
  void batchEqualsAloneAndIsSeeded() {
    OneShotLearner learner = new OneShotLearner(backend, OneShotSchedule.FAST);
    Map<String, StrokeSequence> examples = new LinkedHashMap<>();
    examples.put("n", TinyModels.loop(15, 0.1));
    examples.put("o", TinyModels.loop(25, 2.0));
    LearnedConcepts together = learner.learn(model, examples, 9);
    LearnedConcepts again = learner.learn(model, examples, 9);
    assertThat(together.model().code("o")).isEqualTo(again.model().code("o"));
    LearnedConcepts alone = learner.learn(model.withConcept("n", together.model().code("n")),
        Map.of("o", examples.get("o")), 9);
    assertThat(alone.results().get("o").lossAfter()).isEqualTo(together.results().get("o").lossAfter());
  }

  @Test
  @DisplayName("an unknown schedule name is rejected naming the known ones")
  void unknownSchedule() {
    assertThatThrownBy(() -> OneShotSchedule.byName("sgd")).hasMessageContaining("'sgd'")
        .hasMessageContaining("fast, fast-plain, paper, paper-total");
  }

  @Test
  @DisplayName("the paper's budget is 1000 Adam steps per letter; paper-total shares 1000 among the letters learned")
  void paperBudgetReadings() {
    assertThat(OneShotSchedule.PAPER.budgetPerLetter(13)).isEqualTo(1000);
    assertThat(OneShotSchedule.PAPER_TOTAL.budgetPerLetter(13)).isEqualTo(76);
    Map<String, StrokeSequence> examples = new LinkedHashMap<>();
    examples.put("n", TinyModels.loop(10, 0.1));
    examples.put("o", TinyModels.loop(12, 2.0));
    LearnedConcepts shared = new OneShotLearner(backend, OneShotSchedule.PAPER_TOTAL).learn(model, examples, 1);
    // Adam evaluates once per step and once more at the end
    assertThat(shared.results().get("n").evaluations()).isEqualTo(501);
    LearnedConcepts each = new OneShotLearner(backend, OneShotSchedule.PAPER).learn(model, examples, 1);
    assertThat(each.results().get("o").evaluations()).isEqualTo(1001);
  }

  @Test
  @DisplayName("a prior's search starts at the trained letters' mean code plus the seeded start")
  void priorCentre() {
    CharModel trained = model.withMetadata(Map.of(CharModel.TRAINING_LETTERS_KEY, "a-b"));
    float[] start = OneShotLearner.initialCode(16, 3, "n", 1);
    float[] from = new OneShotLearner(backend, OneShotSchedule.FAST.withPrior(CodePrior.parse("mean")))
        .startingCode(trained, start);
    for (int j = 0; j < start.length; j++) {
      assertThat(from[j]).isCloseTo((trained.code("a")[j] + trained.code("b")[j]) / 2 + start[j],
          org.assertj.core.data.Offset.offset(1e-6f));
    }
    assertThat(new OneShotLearner(backend, OneShotSchedule.FAST_PLAIN).startingCode(trained, start)).isEqualTo(start);
    assertThat(new OneShotLearner(backend, OneShotSchedule.FAST).startingCode(model, start))
        .as("a model that names no trained letters starts where the paper does").isEqualTo(start);
  }

  @Test
  @DisplayName("a norm bound keeps the learned code inside it, and the reported loss is the regeneration MSE alone")
  void normBoundHoldsAndLossIsMse() {
    CharModel trained = model.withMetadata(Map.of(CharModel.TRAINING_LETTERS_KEY, "a-b"));
    StrokeSequence example = TinyModels.loop(20, 0.3);
    CodePrior bound = CodePrior.parse("norm:10:0.5");
    LearnedConcepts free = new OneShotLearner(backend, OneShotSchedule.FAST).learn(trained, Map.of("n", example), 5);
    LearnedConcepts bounded = new OneShotLearner(backend, OneShotSchedule.FAST.withPrior(bound))
        .learn(trained, Map.of("n", example), 5);
    double radius = 0.5 * Math.max(norm(trained.code("a")), norm(trained.code("b")));
    assertThat(norm(free.model().code("n"))).isGreaterThan(1.5 * radius);
    assertThat(norm(bounded.model().code("n"))).isLessThan(1.1 * radius);
    StrokeSequence regenerated = new Generator(backend)
        .generate(bounded.model(), Map.of("n", 1.0), GenerationRequest.plain(20)).output();
    assertThat(regenerated.meanSquaredError(example)).isCloseTo(bounded.results().get("n").lossAfter(),
        org.assertj.core.data.Offset.offset(1e-6));
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
