package io.chargen.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.CharModel;
import io.chargen.model.Rollout;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.kernel.FastBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  private final Generator generator = new Generator(new FastBackend());
  private final CharModel model = TinyModels.untrained("abc", 8, 2);

  @Test
  @DisplayName("variants differ from each other and from the plain letter, and the same seed repeats them")
  void variantsAreSeededNoise() {
    GenerationRequest request = new GenerationRequest(12, 0.05, 7, false);
    List<Rollout> first = generator.variants(model, Map.of("a", 1.0), 3, request);
    List<Rollout> second = generator.variants(model, Map.of("a", 1.0), 3, request);
    Rollout plain = generator.generate(model, Map.of("a", 1.0), GenerationRequest.plain(12));
    assertThat(first).extracting(Rollout::output).containsExactlyElementsOf(
        second.stream().map(Rollout::output).toList());
    assertThat(first.get(0).output()).isNotEqualTo(first.get(1).output()).isNotEqualTo(plain.output());
  }

  @Test
  @DisplayName("a blend of one concept at weight 1 is that concept, and states come back T×H when asked")
  void blendsAndStates() {
    Rollout pure = generator.generate(model, Map.of("b", 1.0), new GenerationRequest(5, 0, 0, true));
    Rollout viaInput = generator.generate(model, new float[] {0, 1, 0}, GenerationRequest.plain(5));
    assertThat(pure.output()).isEqualTo(viaInput.output());
    assertThat(pure.cell()).hasDimensions(5, 8);
    assertThat(pure.hidden()).hasDimensions(5, 8);
    Rollout half = generator.generate(model, Map.of("a", 0.5, "c", 0.5), GenerationRequest.plain(5));
    assertThat(half.output()).isNotEqualTo(pure.output());
  }

  @Test
  @DisplayName("bad blends and requests are rejected naming the bad value")
  void badInputRejected() {
    GenerationRequest ok = GenerationRequest.plain(5);
    assertThatThrownBy(() -> generator.generate(model, Map.of("a", 0.5, "b", 0.4), ok))
        .hasMessageContaining("sum to 0.9");
    assertThatThrownBy(() -> generator.generate(model, Map.of("a", 1.5, "b", -0.5), ok))
        .hasMessageContaining("-0.5");
    assertThatThrownBy(() -> generator.generate(model, Map.of("q", 1.0), ok)).hasMessageContaining("'q'");
    assertThatThrownBy(() -> GenerationRequest.plain(0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> new GenerationRequest(5, Double.NaN, 0, false)).hasMessageContaining("NaN");
  }
}
