package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.CharModel;
import io.chargen.model.Classification;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputInferenceClassifierTest {
  private static final CharModel MODEL = TinyModels.untrained("abcd", 12, 4);

  private final FastBackend backend = new FastBackend();

  @Test
  @DisplayName("a letter the model itself generated from one concept is classified as that concept")
  void recognisesItsOwnGenerations() {
    assertRecognisesOwnGenerations(InputInferenceClassifier.paper(backend, MODEL), "paper");
  }

  @Test
  @DisplayName("with one-shot learning's L-BFGS instead of 1000 Adam steps, it recognises them too")
  void fastRecognisesItsOwnGenerations() {
    assertRecognisesOwnGenerations(InputInferenceClassifier.fast(backend, MODEL), "paper_fast");
  }

  private void assertRecognisesOwnGenerations(InputInferenceClassifier classifier, String name) {
    CharModel model = MODEL;
    Generator generator = new Generator(backend);
    for (String label : List.of("a", "b", "c", "d")) {
      StrokeSequence letter = generator.generate(model, Map.of(label, 1.0), GenerationRequest.plain(15)).output();
      Classification c = classifier.classify(letter, List.of("a", "b", "c", "d"));
      assertThat(c.label()).as("label of %s's generation, scores %s", label, c.scores()).isEqualTo(label);
      assertThat(c.scores()).hasSize(4);
      assertThat(c.method()).isEqualTo(name);
    }
  }
}
