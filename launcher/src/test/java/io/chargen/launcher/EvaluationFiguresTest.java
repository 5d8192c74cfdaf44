package io.chargen.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.eval.ProtocolConfig;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationFiguresTest {
  private static final int N_LENGTH = 9;
  private static final int O_LENGTH = 14;

  @TempDir
  Path dir;

  private final FastBackend backend = new FastBackend();
  private final CharModel model = TinyModels.untrained("no", 16, 3)
      .withNaturalLength("n", N_LENGTH).withNaturalLength("o", O_LENGTH);

  private EvaluationFigures figures() {
    return new EvaluationFigures(backend, new ProtocolConfig(List.of(OneShotSchedule.FAST), List.of('n', 'o'), 10, 1),
        dir);
  }

  @Test
  @DisplayName("a Fig. 5 blend row starts and ends with the two letters' regenerations, each at its natural length")
  void blendEndpointsAreRegenerations() {
    StrokeSequence[] row = figures().blendRow(model, "n", "o");
    Generator generator = new Generator(backend);
    GenerationRequest natural = new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false);
    assertThat(row[0]).isEqualTo(generator.generate(model, Map.of("n", 1.0), natural).output());
    assertThat(row[row.length - 1]).isEqualTo(generator.generate(model, Map.of("o", 1.0), natural).output());
    assertThat(row[0].length()).isEqualTo(N_LENGTH);
    assertThat(row[row.length - 1].length()).isEqualTo(O_LENGTH);
    assertThat(row[row.length / 2].length()).isStrictlyBetween(N_LENGTH, O_LENGTH);
  }
}
