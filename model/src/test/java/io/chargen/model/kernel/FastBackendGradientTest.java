package io.chargen.model.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.Backend;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.InterfaceDefaults;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.train.TimeAlignment;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel's gradients against central finite differences of a double-precision reimplementation of the forward
 * pass written independently here (textbook LSTM equations, no shared code with the kernel).
 */
class FastBackendGradientTest {
  private static final int K = 3;
  private static final int H = 5;
  private static final double EPS = 1e-4;
  private static final double TOLERANCE = 2e-3;

  private final FastBackend backend = new FastBackend();
  private final LstmWeights weights = LstmWeights.random(K, H, 11);
  private final float[] input = {0.2f, 0.7f, 0.1f};

  @ParameterizedTest(name = "T = {0}")
  @ValueSource(ints = {1, 2, 9})
  @DisplayName("every gradient part matches finite differences of an independent double-precision forward pass")
  void gradientsMatchFiniteDifferences(int steps) {
    StrokeSequence target = TinyModels.random(steps, steps);
    Gradients g = backend.gradients(weights, input, target, EnumSet.allOf(GradientPart.class));
    ReferenceLstm ref = new ReferenceLstm(weights);
    assertThat(g.loss()).isCloseTo(ref.loss(input, target), org.assertj.core.data.Offset.offset(1e-6));
    assertClose(g.input(), numeric(input.length, i -> ref.withInput(i, EPS), i -> ref.withInput(i, -EPS),
        input, target));
    assertClose(g.wIh(), numeric(4 * H * H, i -> ref.perturbed("wIh", i, EPS), i -> ref.perturbed("wIh", i, -EPS),
        input, target));
    assertClose(g.wHh(), numeric(4 * H * H, i -> ref.perturbed("wHh", i, EPS), i -> ref.perturbed("wHh", i, -EPS),
        input, target));
    assertClose(g.wOut(), numeric(4 * H, i -> ref.perturbed("wOut", i, EPS), i -> ref.perturbed("wOut", i, -EPS),
        input, target));
    for (int k = 0; k < K; k++) {
      int concept = k;
      assertClose(g.codes()[k], numeric(H, j -> ref.perturbed("code" + concept, j, EPS),
          j -> ref.perturbed("code" + concept, j, -EPS), input, target));
    }
  }

  @Test
  @DisplayName("gradients against a target made from the output reuse the forward pass and equal the two-pass way")
  void targetFromOutputMatchesTwoPasses() {
    StrokeSequence recorded = TinyModels.loop(9, 0.4);
    TimeAlignment alignment = new TimeAlignment(TimeAlignment.DEFAULT_BAND_FRACTION);
    Backend twoPasses = InterfaceDefaults.over("two passes", backend);
    Set<GradientPart> all = EnumSet.allOf(GradientPart.class);
    Gradients once = backend.gradients(weights, input, 9, out -> alignment.retime(out, recorded), all);
    Gradients twice = twoPasses.gradients(weights, input, 9, out -> alignment.retime(out, recorded), all);
    assertThat(once.loss()).isEqualTo(twice.loss());
    assertThat(once.wHh()).isEqualTo(twice.wHh());
    assertThat(once.wIh()).isEqualTo(twice.wIh());
    assertThat(once.projectedInput()).isEqualTo(twice.projectedInput());
  }

  @Test
  @DisplayName("the projected-input gradient is the code gradient of a one-hot input")
  void projectedInputGradientIsCodeGradientForOneHot() {
    float[] oneHot = {0, 1, 0};
    StrokeSequence target = TinyModels.random(6, 3);
    Gradients g = backend.gradients(weights, oneHot, target, EnumSet.allOf(GradientPart.class));
    assertThat(g.projectedInput()).containsExactly(g.codes()[1], org.assertj.core.data.Offset.offset(1e-7f));
  }

  @Test
  @DisplayName("a forward run with constant input equals the outputs used for the loss")
  void runMatchesReferenceOutputs() {
    StrokeSequence target = TinyModels.random(7, 5);
    float[][] inputs = new float[7][];
    java.util.Arrays.fill(inputs, input);
    float[] out = backend.run(weights, inputs, true).output().toArray();
    double[] expected = new ReferenceLstm(weights).outputs(input, 7);
    for (int i = 0; i < out.length; i++) {
      assertThat((double) out[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  private double[] numeric(int n, Function<Integer, ReferenceLstm> plus, Function<Integer, ReferenceLstm> minus,
      float[] x, StrokeSequence target) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = (plus.apply(i).loss(x, target) - minus.apply(i).loss(x, target)) / (2 * EPS);
    }
    return d;
  }

  private static void assertClose(float[] actual, double[] expected) {
    double scale = 1e-6;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(actual[i] - expected[i]) / scale).as("element %d: %s vs %s", i, actual[i], expected[i])
          .isLessThan(TOLERANCE);
    }
  }
}
