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
  @ValueSource(strings = {"fast", "paper"})
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
        .hasMessageContaining("fast, paper");
  }
}
