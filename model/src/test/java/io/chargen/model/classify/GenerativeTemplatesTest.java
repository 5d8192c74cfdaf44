package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GenerativeTemplates")
class GenerativeTemplatesTest {
  private static final Generator GENERATOR = new Generator(new FastBackend());
  private static final CharModel MODEL = TinyModels.untrained("ab", 8, 3);

  @Test
  @DisplayName("lists the example, its noiseless regeneration, then the seeded variants, all of its length")
  void exampleRegenerationVariants() {
    StrokeSequence example = TinyModels.loop(11, 0);
    List<StrokeSequence> t = new GenerativeTemplates(GENERATOR, 2, 0.05, 9)
        .templates(MODEL, Map.of("a", example)).get("a");
    assertThat(t).hasSize(4);
    assertThat(t.get(0)).isEqualTo(example);
    assertThat(t.get(1)).isEqualTo(GENERATOR.generate(MODEL, Map.of("a", 1.0), GenerationRequest.plain(11))
        .output());
    assertThat(t.get(2)).isEqualTo(GENERATOR.generate(MODEL, Map.of("a", 1.0),
        new GenerationRequest(11, 0.05, 9, false)).output());
    assertThat(t.get(3)).isNotEqualTo(t.get(2));
    assertThat(t).allSatisfy(s -> assertThat(s.length()).isEqualTo(11));
  }

  @Test
  @DisplayName("gives the same templates for the same seed")
  void seeded() {
    Map<String, StrokeSequence> ex = Map.of("b", TinyModels.loop(7, 1));
    assertThat(new GenerativeTemplates(GENERATOR, 3, 0.03, 5).templates(MODEL, ex))
        .isEqualTo(new GenerativeTemplates(GENERATOR, 3, 0.03, 5).templates(MODEL, ex));
  }

  @Test
  @DisplayName("rejects a negative variant count and a bad noise SD, naming the value")
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new GenerativeTemplates(GENERATOR, -1, 0.03, 1)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> new GenerativeTemplates(GENERATOR, 1, Double.NaN, 1)).hasMessageContaining("NaN");
  }
}
