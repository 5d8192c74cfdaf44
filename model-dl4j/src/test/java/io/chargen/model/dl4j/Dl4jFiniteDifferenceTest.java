package io.chargen.model.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.Backend;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DL4J's gradients, after our permutation and rescaling, agree with central finite differences of its own
 * double-precision loss: the gradient check that makes the reference trustworthy on its own.
 */
@DisplayName("Dl4jBackend gradients")
class Dl4jFiniteDifferenceTest {
  private static final int CONCEPTS = 5;
  private static final int HIDDEN = 8;
  private static final int STEPS = 7;
  /** Step of the central difference; its truncation error O(h²) is far below the tolerance. */
  private static final double STEP = 1e-3;
  /** Allowed |finite difference − gradient|, relative to the largest gradient value of the array. */
  private static final double TOLERANCE = 1e-4;
  /** Coordinates probed per weight array. */
  private static final int PROBES = 6;

  private final Backend dl4j = new Dl4jBackend();
  private final LstmWeights weights = LstmWeights.random(CONCEPTS, HIDDEN, 51);
  private final float[] input = Fixtures.randomInput(CONCEPTS, 52);
  private final StrokeSequence target = Fixtures.randomTarget(STEPS, 53);
  private final Gradients gradients = dl4j.gradients(weights, input, target, EnumSet.allOf(GradientPart.class));

  @Test
  @DisplayName("of W_ih agree with finite differences")
  void recurrentInputWeights() {
    assertAgrees(gradients.wIh(), (w, i, h) -> new LstmWeights(w.copyCodes(), shifted(w.wIh(), i, h), w.wHh(),
        w.wOut()), weights.wIh());
  }

  @Test
  @DisplayName("of W_hh agree with finite differences")
  void recurrentHiddenWeights() {
    assertAgrees(gradients.wHh(), (w, i, h) -> new LstmWeights(w.copyCodes(), w.wIh(), shifted(w.wHh(), i, h),
        w.wOut()), weights.wHh());
  }

  @Test
  @DisplayName("of W_out agree with finite differences")
  void outputWeights() {
    assertAgrees(gradients.wOut(), (w, i, h) -> new LstmWeights(w.copyCodes(), w.wIh(), w.wHh(),
        shifted(w.wOut(), i, h)), weights.wOut());
  }

  @Test
  @DisplayName("of the codes agree with finite differences")
  void codes() {
    assertAgrees(Fixtures.flatten(gradients.codes()), (w, i, h) -> {
      float[][] codes = w.copyCodes();
      codes[i / HIDDEN] = shifted(codes[i / HIDDEN], i % HIDDEN, h);
      return w.withCodes(codes);
    }, Fixtures.flatten(weights.copyCodes()));
  }

  @Test
  @DisplayName("of the input vector agree with finite differences")
  void inputVector() {
    for (int probe = 0; probe < CONCEPTS; probe++) {
      float[] plus = shifted(input, probe, STEP);
      float[] minus = shifted(input, probe, -STEP);
      double fd = (loss(weights, plus) - loss(weights, minus)) / (plus[probe] - (double) minus[probe]);
      assertClose(fd, gradients.input()[probe], gradients.input(), "dL/dx[" + probe + "]");
    }
  }

  @Test
  @DisplayName("of the projected input agree with finite differences of the code of a one-hot input")
  void projectedInput() {
    int concept = 2;
    float[] oneHot = new float[CONCEPTS];
    oneHot[concept] = 1;
    float[] dz = dl4j.gradients(weights, oneHot, target, EnumSet.of(GradientPart.PROJECTED_INPUT)).projectedInput();
    for (int j = 0; j < HIDDEN; j++) {
      float[][] plus = weights.copyCodes();
      float[][] minus = weights.copyCodes();
      plus[concept] = shifted(plus[concept], j, STEP);
      minus[concept] = shifted(minus[concept], j, -STEP);
      double fd = (loss(weights.withCodes(plus), oneHot) - loss(weights.withCodes(minus), oneHot))
          / (plus[concept][j] - (double) minus[concept][j]);
      assertClose(fd, dz[j], dz, "dL/dz[" + j + "]");
    }
  }

  /** Builds weights with coordinate {@code index} of one array moved by {@code delta}. */
  @FunctionalInterface
  private interface Perturbation {
    LstmWeights apply(LstmWeights weights, int index, double delta);
  }

  private void assertAgrees(float[] gradient, Perturbation perturbation, float[] values) {
    Random random = new Random(gradient.length);
    for (int probe = 0; probe < PROBES; probe++) {
      int index = random.nextInt(gradient.length);
      // The weights are floats: divide by the step actually taken, not the one asked for.
      double taken = (float) (values[index] + STEP) - (double) (float) (values[index] - STEP);
      double fd = (loss(perturbation.apply(weights, index, STEP), input)
          - loss(perturbation.apply(weights, index, -STEP), input)) / taken;
      assertClose(fd, gradient[index], gradient, "coordinate " + index);
    }
  }

  private static void assertClose(double finiteDifference, float gradient, float[] all, String what) {
    double scale = 0;
    for (float g : all) {
      scale = Math.max(scale, Math.abs(g));
    }
    assertThat(Math.abs(finiteDifference - gradient)).as(what + ": fd " + finiteDifference + " vs " + gradient)
        .isLessThanOrEqualTo(TOLERANCE * scale);
  }

  private double loss(LstmWeights w, float[] x) {
    return dl4j.gradients(w, x, target, EnumSet.noneOf(GradientPart.class)).loss();
  }

  private static float[] shifted(float[] values, int index, double delta) {
    float[] copy = values.clone();
    copy[index] = (float) (copy[index] + delta);
    return copy;
  }
}
