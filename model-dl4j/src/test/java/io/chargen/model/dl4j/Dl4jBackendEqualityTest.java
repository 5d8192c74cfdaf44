package io.chargen.model.dl4j;

import static io.chargen.model.dl4j.Fixtures.flatten;
import static io.chargen.model.dl4j.Fixtures.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.Backend;
import io.chargen.model.BatchSequence;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import io.chargen.model.kernel.FastBackend;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast kernel and the DL4J reference compute the same network, outputs, states, loss and gradients. */
@DisplayName("Dl4jBackend and FastBackend")
class Dl4jBackendEqualityTest {
  /** Float kernel against a double-precision reference: agreement to 1e-4 relative is what float sums allow. */
  private static final double TOLERANCE = 1e-4;
  /** Deviation of the input noise in the per-step-varying runs (the order of the paper's variant noise). */
  private static final float NOISE = 0.3f;

  private final Backend fast = new FastBackend();
  private final Backend dl4j = new Dl4jBackend();

  /** Small sizes, and the paper's K=26 letters with H=100; single-step, short and letter-length sequences. */
  static Stream<Arguments> shapes() {
    return Stream.of(5, 26).flatMap(concepts -> Stream.of(1, 7, 40).map(steps ->
        Arguments.of(concepts, concepts == 5 ? 8 : LstmWeights.PAPER_HIDDEN, steps)));
  }

  @ParameterizedTest(name = "K={0}, H={1}, T={2}")
  @MethodSource("shapes")
  @DisplayName("run with a constant input gives the same outputs, cell states and hidden states")
  void runConstantInput(int concepts, int hidden, int steps) {
    LstmWeights weights = LstmWeights.random(concepts, hidden, 11);
    float[][] inputs = Fixtures.constantInputs(Fixtures.randomInput(concepts, 12), steps);

    assertSameRollout(dl4j.run(weights, inputs, true), fast.run(weights, inputs, true));
  }

  @ParameterizedTest(name = "K={0}, H={1}, T={2}")
  @MethodSource("shapes")
  @DisplayName("run with an input varying per step gives the same outputs, cell states and hidden states")
  void runVaryingInput(int concepts, int hidden, int steps) {
    LstmWeights weights = LstmWeights.random(concepts, hidden, 21);
    float[][] inputs = Fixtures.noisyInputs(Fixtures.randomInput(concepts, 22), steps, NOISE, 23);

    assertSameRollout(dl4j.run(weights, inputs, true), fast.run(weights, inputs, true));
  }

  @ParameterizedTest(name = "K={0}, H={1}, T={2}")
  @MethodSource("shapes")
  @DisplayName("run without states gives the same outputs and no states")
  void runWithoutStates(int concepts, int hidden, int steps) {
    LstmWeights weights = LstmWeights.random(concepts, hidden, 31);
    float[][] inputs = Fixtures.noisyInputs(Fixtures.randomInput(concepts, 32), steps, NOISE, 33);

    Rollout reference = dl4j.run(weights, inputs, false);

    assertThat(relativeError(fast.run(weights, inputs, false).output().toArray(), reference.output().toArray()))
        .isLessThan(TOLERANCE);
    assertThat(reference.cell()).isNull();
    assertThat(reference.hidden()).isNull();
  }

  @ParameterizedTest(name = "K={0}, H={1}, T={2}")
  @MethodSource("shapes")
  @DisplayName("gradients gives the same loss and every gradient part")
  void gradients(int concepts, int hidden, int steps) {
    LstmWeights weights = LstmWeights.random(concepts, hidden, 41);
    float[] input = Fixtures.randomInput(concepts, 42);
    StrokeSequence target = Fixtures.randomTarget(steps, 43);
    EnumSet<GradientPart> all = EnumSet.allOf(GradientPart.class);

    Gradients expected = dl4j.gradients(weights, input, target, all);
    Gradients actual = fast.gradients(weights, input, target, all);

    assertThat(actual.loss()).isCloseTo(expected.loss(), within(TOLERANCE * expected.loss()));
    assertThat(relativeError(actual.input(), expected.input())).as("dL/dx").isLessThan(TOLERANCE);
    assertThat(relativeError(actual.projectedInput(), expected.projectedInput())).as("dL/dz").isLessThan(TOLERANCE);
    assertThat(relativeError(flatten(actual.codes()), flatten(expected.codes()))).as("dL/dcodes")
        .isLessThan(TOLERANCE);
    assertThat(relativeError(actual.wIh(), expected.wIh())).as("dL/dW_ih").isLessThan(TOLERANCE);
    assertThat(relativeError(actual.wHh(), expected.wHh())).as("dL/dW_hh").isLessThan(TOLERANCE);
    assertThat(relativeError(actual.wOut(), expected.wOut())).as("dL/dW_out").isLessThan(TOLERANCE);
  }

  @Test
  @DisplayName("a training batch of letters of different lengths gives the same mean loss and weight gradients")
  void batchMean() {
    LstmWeights weights = LstmWeights.random(26, LstmWeights.PAPER_HIDDEN, 51);
    List<BatchSequence> batch = new ArrayList<>();
    for (int b = 0; b < 19; b++) {
      float[] oneHot = new float[26];
      oneHot[b % 26] = 1;
      batch.add(BatchSequence.of(oneHot, Fixtures.randomTarget(3 + 4 * b, 60 + b)));
    }
    EnumSet<GradientPart> weightParts = EnumSet.of(GradientPart.INPUT_WEIGHTS, GradientPart.RECURRENT_WEIGHTS,
        GradientPart.OUTPUT_WEIGHTS);

    Gradients expected = dl4j.meanGradients(weights, batch, weightParts);
    Gradients actual = fast.meanGradients(weights, batch, weightParts);

    assertThat(actual.loss()).isCloseTo(expected.loss(), within(TOLERANCE * expected.loss()));
    assertThat(relativeError(flatten(actual.codes()), flatten(expected.codes()))).as("dL/dcodes")
        .isLessThan(TOLERANCE);
    assertThat(relativeError(actual.wIh(), expected.wIh())).as("dL/dW_ih").isLessThan(TOLERANCE);
    assertThat(relativeError(actual.wHh(), expected.wHh())).as("dL/dW_hh").isLessThan(TOLERANCE);
    assertThat(relativeError(actual.wOut(), expected.wOut())).as("dL/dW_out").isLessThan(TOLERANCE);
  }

  private static void assertSameRollout(Rollout expected, Rollout actual) {
    assertThat(relativeError(actual.output().toArray(), expected.output().toArray())).as("outputs")
        .isLessThan(TOLERANCE);
    assertThat(relativeError(flatten(actual.cell()), flatten(expected.cell()))).as("cell states")
        .isLessThan(TOLERANCE);
    assertThat(relativeError(flatten(actual.hidden()), flatten(expected.hidden()))).as("hidden states")
        .isLessThan(TOLERANCE);
  }
}
