package io.chargen.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.CharModel;
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
}
