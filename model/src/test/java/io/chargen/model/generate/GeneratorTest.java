package io.chargen.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.kernel.FastBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
    assertThatThrownBy(() -> generator.generate(model, Map.of("q", 1.0), ok))
        .hasMessageContaining("unknown concept \"q\"");
    assertThatThrownBy(() -> GenerationRequest.plain(-1)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> GenerationRequest.plain(Generator.MAX_STEPS + 1)).hasMessageContaining("got 2001");
    assertThatThrownBy(() -> new GenerationRequest(5, Double.NaN, 0, false)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new GenerationRequest(5, 0, -0.1, 0, false))
        .hasMessageContaining("style noise SD").hasMessageContaining("-0.1");
  }

  /** Records the per-step inputs the generator hands to the network. */
  private static final class RecordingBackend implements Backend {
    final List<float[][]> inputs = new ArrayList<>();
    private final FastBackend real = new FastBackend();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public Rollout run(LstmWeights weights, float[][] steps, boolean keepStates) {
      inputs.add(steps);
      return real.run(weights, steps, keepStates);
    }

    @Override
    public Gradients gradients(LstmWeights weights, float[] input, StrokeSequence target, Set<GradientPart> parts) {
      return real.gradients(weights, input, target, parts);
    }
  }

  @Test
  @DisplayName("variant noise touches the letter inputs only; writer styles get noise only from their own SD")
  void noiseOnLettersOnly() {
    CharModel styled = CharModel.untrained(ConceptSet.of(List.of("a", "b", "@v", "@w")), 8, 2)
        .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, "@v"));
    RecordingBackend recording = new RecordingBackend();
    Generator g = new Generator(recording);
    g.generate(styled, Map.of("a", 1.0), new GenerationRequest(6, 0.05, 3, false));
    g.generate(styled, Map.of("a", 1.0), new GenerationRequest(6, 0.05, 0.02, 3, false));
    float[][] lettersOnly = recording.inputs.get(0);
    float[][] both = recording.inputs.get(1);
    for (int t = 0; t < 6; t++) {
      assertThat(lettersOnly[t][2]).as("default style @v, step %d", t).isEqualTo(1f);
      assertThat(lettersOnly[t][3]).as("style @w, step %d", t).isZero();
      assertThat(lettersOnly[t][0]).isNotEqualTo(1f);
      assertThat(lettersOnly[t][1]).isNotZero();
    }
    assertThat(both[0][2]).isNotEqualTo(1f);
    assertThat(both[0][3]).isNotZero();
  }

  @Test
  @DisplayName("the noise size after the input layer matches a Monte Carlo estimate through the input layer")
  void noiseAfterInputLayerMatchesSampling() {
    CharModel styled = CharModel.untrained(ConceptSet.of(List.of("a", "b", "c", "@v", "@w")), 8, 4)
        .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, "@v"));
    GenerationRequest request = new GenerationRequest(5, 0.05, 0.02, 0, false);
    double[] sd = {0.05, 0.05, 0.05, 0.02, 0.02};
    Random random = new Random(11);
    int samples = 40_000;
    double[] sumSquares = new double[8];
    for (int i = 0; i < samples; i++) {
      float[] noise = new float[sd.length];
      for (int k = 0; k < noise.length; k++) {
        noise[k] = (float) (sd[k] * random.nextGaussian());
      }
      float[] z = styled.weights().project(noise);
      for (int j = 0; j < z.length; j++) {
        sumSquares[j] += (double) z[j] * z[j] / samples;
      }
    }
    double meanVariance = java.util.Arrays.stream(sumSquares).average().orElseThrow();
    assertThat(Generator.noiseAfterInputLayer(styled, request))
        .isCloseTo(Math.sqrt(meanVariance), org.assertj.core.data.Percentage.withPercentage(2));
    assertThat(Generator.noiseAfterInputLayer(styled, GenerationRequest.plain(5))).isZero();
  }

  @Test
  @DisplayName("a styled model writes in its default style unless the mix names one; styles weigh up to 1 apart")
  void stylesMixApartFromLetters() {
    CharModel styled = CharModel.untrained(ConceptSet.of(List.of("a", "b", "@v", "@w")), 8, 2)
        .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, "@v"));
    assertThat(styled.input(Map.of("a", 1.0))).containsExactly(1, 0, 1, 0);
    assertThat(styled.input(Map.of("a", 0.5, "b", 0.5, "@w", 1.0))).containsExactly(0.5f, 0.5f, 0, 1);
    assertThat(styled.input(Map.of("a", 1.0, "@v", 0.25, "@w", 0.75))).containsExactly(1, 0, 0.25f, 0.75f);
    assertThatThrownBy(() -> styled.input(Map.of("a", 1.0, "@w", 0.5)))
        .hasMessageContaining("style weights sum to 0.5");
    assertThatThrownBy(() -> styled.input(Map.of("@w", 1.0))).hasMessageContaining("letter weights sum to 0");
    assertThat(styled.defaultStyleCode()).isEqualTo(styled.code("@v"));
    assertThat(model.defaultStyleCode()).containsOnly(0f);
  }

  @Test
  @DisplayName("without a step count a letter runs for its natural length, mixed by weight; unknown lengths are named")
  void naturalLength() {
    CharModel sized = model.withNaturalLength("a", 10).withNaturalLength("b", 20);
    GenerationRequest natural = new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false);
    assertThat(generator.generate(sized, Map.of("a", 1.0), natural).output().length()).isEqualTo(10);
    assertThat(generator.generate(sized, Map.of("a", 0.5, "b", 0.5), natural).output().length()).isEqualTo(15);
    assertThat(generator.variants(sized, Map.of("b", 1.0), 2, natural).get(1).output().length()).isEqualTo(20);
    assertThatThrownBy(() -> generator.generate(sized, Map.of("c", 1.0), natural)).hasMessageContaining("'c'");
    assertThatThrownBy(() -> generator.generate(sized, new float[3], natural)).hasMessageContaining("step count");
    assertThatThrownBy(() -> model.withNaturalLength("a", 0)).hasMessageContaining("'a'").hasMessageContaining("0");
  }
}
