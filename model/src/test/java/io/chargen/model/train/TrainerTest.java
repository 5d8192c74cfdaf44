package io.chargen.model.train;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private final FastBackend backend = new FastBackend();

  private List<LabelledSequence> samples() {
    List<LabelledSequence> s = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      s.add(new LabelledSequence("a", TinyModels.loop(12 + i, 0)));
      s.add(new LabelledSequence("b", TinyModels.loop(12 + i, 2.5)));
    }
    return s;
  }

  @Test
  @DisplayName("training lowers the loss, reports progress every step, and the same seed gives the same model")
  void trainsDeterministically() {
    CharModel start = TinyModels.untrained("ab", 12, 1);
    List<double[]> progress = new ArrayList<>();
    Trainer trainer = new Trainer(backend, new TrainingConfig(60, 4, 0.01, 5));
    CharModel trained = trainer.train(start, samples(),
        (epoch, epochs, batch, batches, loss) -> progress.add(new double[] {epoch, batch, loss}));
    CharModel again = trainer.train(start, samples(), TrainingProgress.NONE);
    assertThat(trained.weights()).isEqualTo(again.weights());
    assertThat(progress).hasSize(60 * 2);
    assertThat(progress.get(progress.size() - 1)[2]).isLessThan(progress.get(0)[2] * 0.5);
    assertThat(trained.metadata()).containsEntry("epochs", "60").containsEntry("trained", "true");
    Generator g = new Generator(backend);
    double errA = g.generate(trained, Map.of("a", 1.0), GenerationRequest.plain(13)).output()
        .meanSquaredError(TinyModels.loop(13, 0));
    double errAasB = g.generate(trained, Map.of("b", 1.0), GenerationRequest.plain(13)).output()
        .meanSquaredError(TinyModels.loop(13, 0));
    assertThat(errA).isLessThan(errAasB);
  }

  @Test
  @DisplayName("on a zig-zag drawn at four speeds, the time-aligned loss keeps the zig-zag's height that MSE blurs")
  void alignedLossToleratesTiming() {
    List<LabelledSequence> samples = new ArrayList<>();
    for (int delay = 0; delay < 4; delay++) {
      samples.add(new LabelledSequence("a", TinyModels.delayed(zigZag(), delay)));
    }
    CharModel start = TinyModels.untrained("a", 12, 1);
    CharModel plain = new Trainer(backend, new TrainingConfig(300, 4, 0.01, 5)).train(start, samples,
        TrainingProgress.NONE);
    CharModel aligned = new Trainer(backend, new TrainingConfig(300, 4, 0.01, 5, TrainingLoss.ALIGNED_MSE, 100))
        .train(start, samples, TrainingProgress.NONE);
    double real = height(zigZag());
    assertThat(Math.abs(height(generate(aligned)) - real)).isLessThan(Math.abs(height(generate(plain)) - real));
    assertThat(aligned.metadata()).containsEntry("loss", "aligned_mse").containsEntry("length.a", "24");
    CharModel allPlain = new Trainer(backend, new TrainingConfig(30, 4, 0.01, 5, TrainingLoss.ALIGNED_MSE, 30))
        .train(start, samples, TrainingProgress.NONE);
    assertThat(allPlain.weights()).as("no alignment during the plain epochs")
        .isEqualTo(new Trainer(backend, new TrainingConfig(30, 4, 0.01, 5)).train(start, samples,
            TrainingProgress.NONE).weights());
  }

  @Test
  @DisplayName("styled samples train letter and style columns; the typical style is the mean of the writers' styles")
  void trainsStyles() {
    CharModel start = CharModel.untrained(ConceptSet.of(List.of("a", "b", "@w1", "@w2")), 12, 1);
    List<LabelledSequence> samples = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      samples.add(new LabelledSequence("a", "@w1", TinyModels.loop(14, 0)));
      samples.add(new LabelledSequence("a", "@w2", TinyModels.loop(14, 1.2)));
      samples.add(new LabelledSequence("b", "@w1", TinyModels.loop(14, 2.5)));
    }
    CharModel trained = new Trainer(backend, new TrainingConfig(80, 3, 0.01, 5))
        .train(start, samples, TrainingProgress.NONE);
    assertThat(trained.metadata()).containsEntry(CharModel.DEFAULT_STYLE_KEY, ConceptSet.TYPICAL_STYLE);
    for (String style : List.of("@w1", "@w2")) {
      assertThat(trained.code(style)).as(style).isNotEqualTo(start.code(style));
    }
    float[] w1 = trained.code("@w1");
    float[] w2 = trained.code("@w2");
    float[] typical = trained.code(ConceptSet.TYPICAL_STYLE);
    for (int j = 0; j < typical.length; j++) {
      assertThat(typical[j]).isCloseTo((w1[j] + w2[j]) / 2, within(1e-6f));
    }
    Generator g = new Generator(backend);
    StrokeSequence inW2 = g.generate(trained, Map.of("a", 1.0, "@w2", 1.0), GenerationRequest.plain(14)).output();
    assertThat(inW2.meanSquaredError(TinyModels.loop(14, 1.2)))
        .isLessThan(inW2.meanSquaredError(TinyModels.loop(14, 0)));
    assertThatThrownBy(() -> new Trainer(backend, new TrainingConfig(1, 3, 0.01, 5))
        .train(TinyModels.untrained("ab", 4, 1), samples, TrainingProgress.NONE)).hasMessageContaining("@w1");
  }

  @Test
  @DisplayName("input noise on the trained letters changes training, is seeded, and leaves untrained codes at zero")
  void inputNoiseOnTrainedLettersOnly() {
    CharModel start = TinyModels.untrained("ab", 12, 1).withConcept("z", new float[12]);
    TrainingConfig quiet = new TrainingConfig(20, 4, 0.01, 5, TrainingLoss.MSE, 0);
    TrainingConfig noisy = new TrainingConfig(20, 4, 0.01, 5, TrainingLoss.MSE, 0, 0.3);
    CharModel plain = new Trainer(backend, quiet).train(start, samples(), TrainingProgress.NONE);
    CharModel withNoise = new Trainer(backend, noisy).train(start, samples(), TrainingProgress.NONE);
    assertThat(withNoise.weights()).isNotEqualTo(plain.weights());
    assertThat(new Trainer(backend, noisy).train(start, samples(), TrainingProgress.NONE).weights())
        .as("seeded").isEqualTo(withNoise.weights());
    assertThat(withNoise.code("z")).as("no noise on a letter it does not train").containsOnly(0f);
    assertThat(withNoise.metadata()).containsEntry("input_noise", "0.3");
    assertThatThrownBy(() -> new TrainingConfig(1, 4, 0.01, 5, TrainingLoss.MSE, 0, -0.1))
        .hasMessageContaining("-0.1");
  }

  private StrokeSequence generate(CharModel model) {
    return new Generator(backend).generate(model, Map.of("a", 1.0), GenerationRequest.plain(24)).output();
  }

  /** 24 steps right, going up and down every 4 steps: sharp corners that averaging over timings flattens. */
  private static StrokeSequence zigZag() {
    float[][] s = new float[24][];
    for (int t = 0; t < s.length; t++) {
      s[t] = new float[] {0.3f, (t / 4) % 2 == 0 ? 0.8f : -0.8f, 0.5f, t == 0 ? 1 : 0};
    }
    return StrokeSequence.ofSteps(s);
  }

  private static double height(StrokeSequence s) {
    double low = 0;
    double high = 0;
    for (float[] p : s.positions()) {
      low = Math.min(low, p[1]);
      high = Math.max(high, p[1]);
    }
    return high - low;
  }
}
