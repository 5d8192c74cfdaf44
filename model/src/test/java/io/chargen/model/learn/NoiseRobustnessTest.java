package io.chargen.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.optim.Objective;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NoiseRobustnessTest {
  private static final int H = 8;
  private static final int STEPS = 11;
  private final CharModel model = TinyModels.untrained("abcdxy", H, 5)
      .withMetadata(Map.of(CharModel.TRAINING_LETTERS_KEY, "a-d"));
  private final StrokeSequence example = TinyModels.loop(STEPS, 0.4);

  private OneShotLearner learner(String noise, double positionWeight) {
    return new OneShotLearner(new FastBackend(), OneShotSchedule.FAST_PLAIN.withPositionWeight(positionWeight)
        .withNoise(NoiseRobustness.parse(noise)));
  }

  private float[] randomCode() {
    Random random = new Random(4);
    float[] code = new float[H];
    for (int j = 0; j < H; j++) {
      code[j] = (float) random.nextGaussian();
    }
    return code;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3:0.2:1", "2:0.5:0.3"})
  @DisplayName("the noise-robust objective's gradient matches central finite differences, with and without the "
      + "position term")
  void gradientMatchesFiniteDifferences(String noise) {
    for (double positionWeight : new double[] {0, 0.5}) {
      Objective objective = learner(noise, positionWeight).objective(model, "x", example, new double[1]);
      float[] code = randomCode();
      float[] gradient = new float[H];
      objective.evaluate(code, gradient);
      FiniteDifferences.assertGradient(c -> objective.evaluate(c, new float[H]), code, gradient, 1e-2, 1e-3, 0.02,
          "noise " + noise + ", position " + positionWeight);
    }
  }

  @Test
  @DisplayName("the noisy draws add to the clean loss, and the reported MSE stays the clean regeneration's")
  void addsNoisyLossAndReportsCleanMse() {
    float[] code = randomCode();
    double[] cleanMse = new double[1];
    double clean = learner("0:0:0", 0).objective(model, "x", example, cleanMse).evaluate(code, new float[H]);
    double[] robustMse = new double[1];
    double robust = learner("3:0.3:1", 0).objective(model, "x", example, robustMse).evaluate(code, new float[H]);
    // the clean input is computed in one batch with the draws: the same MSE up to the batch's float rounding
    assertThat(robustMse[0]).isCloseTo(cleanMse[0], within(1e-6 * cleanMse[0]));
    assertThat(clean).isEqualTo(cleanMse[0]);
    assertThat(robust).isGreaterThan(clean);
    double again = learner("3:0.3:1", 0).objective(model, "x", example, new double[1]).evaluate(code, new float[H]);
    assertThat(again).as("fixed draws: the same objective twice").isEqualTo(robust);
    double otherLetter = learner("3:0.3:1", 0).objective(model, "y", example, new double[1])
        .evaluate(code, new float[H]);
    assertThat(otherLetter).as("draws seeded by the letter").isNotEqualTo(robust);
  }

  @Test
  @DisplayName("bad specs are refused, naming the value")
  void refusesBadSpecs() {
    assertThatThrownBy(() -> NoiseRobustness.parse("4:0.03")).hasMessageContaining("4:0.03");
    assertThatThrownBy(() -> NoiseRobustness.parse("-1:0.03:1")).hasMessageContaining("-1");
    assertThatThrownBy(() -> NoiseRobustness.parse("4:x:1")).hasMessageContaining("4:x:1");
    assertThat(NoiseRobustness.parse("4:0.03:1")).isEqualTo(new NoiseRobustness(4, 0.03, 1));
    assertThat(NoiseRobustness.parse("0:0.03:1").active()).isFalse();
    assertThat(NoiseRobustness.parse("4:0.03:1:0.3")).isEqualTo(new NoiseRobustness(4, 0.03, 1, 0.3));
    assertThat(NoiseRobustness.parse("4:0.03:1:0.3")).hasToString("4:0.03:1.0:0.3");
    assertThatThrownBy(() -> NoiseRobustness.parse("4:0.03:1:-2")).hasMessageContaining("-2");
    assertThatThrownBy(() -> NoiseRobustness.parse("4:0.03:1:2:5")).hasMessageContaining("4:0.03:1:2:5");
  }
}
