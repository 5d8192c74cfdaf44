package io.chargen.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.CharModel;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.kernel.FastBackend;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PositionLossTest {
  private static final Set<GradientPart> CODE = EnumSet.of(GradientPart.PROJECTED_INPUT);
  private static final int H = 8;
  private static final int STEPS = 11;

  private final FastBackend backend = new FastBackend();
  private final CharModel model = TinyModels.untrained("ab", H, 7);
  private final LstmWeights probe = model.weights().withIdentityCodes();
  private final StrokeSequence example = TinyModels.loop(STEPS, 0.4);

  private double value(PositionLoss loss, float[] code) {
    loss.equivalentTarget(run(code));
    return loss.value();
  }

  private StrokeSequence run(float[] code) {
    float[][] inputs = new float[STEPS][];
    java.util.Arrays.fill(inputs, code);
    return backend.run(probe, inputs, false).output();
  }

  @Test
  @DisplayName("the gradient through the equivalent target matches central finite differences of the loss")
  void gradientMatchesFiniteDifferences() {
    PositionLoss loss = new PositionLoss(example, 0.5);
    Random random = new Random(2);
    float[] code = new float[H];
    for (int j = 0; j < H; j++) {
      code[j] = (float) random.nextGaussian();
    }
    Gradients g = backend.gradients(probe, code, STEPS, loss::equivalentTarget, CODE);
    FiniteDifferences.assertGradient(z -> value(loss, z), code, g.projectedInput(), 1e-2, 1e-3, 0.02, "position loss");
  }

  @Test
  @DisplayName("with weight 0 it is the paper's MSE: same value and gradient as the example as target")
  void weightZeroIsTheMse() {
    float[] code = new float[H];
    code[1] = 0.7f;
    PositionLoss loss = new PositionLoss(example, 0);
    Gradients through = backend.gradients(probe, code, STEPS, loss::equivalentTarget, CODE);
    Gradients direct = backend.gradients(probe, code, example, CODE);
    assertThat(loss.value()).isCloseTo(direct.loss(), within(1e-6));
    assertThat(loss.mse()).isCloseTo(direct.loss(), within(1e-6));
    for (int j = 0; j < H; j++) {
      assertThat(through.projectedInput()[j]).isCloseTo(direct.projectedInput()[j], within(1e-5f));
    }
  }

  @Test
  @DisplayName("a copy of the example costs nothing; a copy drawn shifted by one step costs more than its MSE")
  void positionsCount() {
    PositionLoss loss = new PositionLoss(example, 1);
    loss.equivalentTarget(example);
    assertThat(loss.value()).isZero();
    float[][] steps = example.toSteps();
    steps[0][StrokeSequence.DX] += 0.5f;
    loss.equivalentTarget(StrokeSequence.ofSteps(steps));
    // one step's dx off by 0.5 moves every later position by 0.5
    assertThat(loss.mse()).isCloseTo(0.25 / (STEPS * 4), within(1e-6));
    assertThat(loss.value()).isCloseTo(loss.mse() + 0.25 / 2, within(1e-6));
  }
}
