package io.chargen.model.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.BatchSequence;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import io.chargen.model.fixtures.InterfaceDefaults;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.train.TimeAlignment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batched, vectorised kernel against the per-sequence scalar kernel it replaced (itself proven against finite
 * differences and DL4J): same outputs, states, losses and gradients to float rounding, for single sequences and for
 * whole batches of different lengths.
 */
class VectorKernelTest {
  /** Two float kernels summing in different orders, and two exp implementations: agreement to 1e-5 relative. */
  private static final double TOLERANCE = 1e-5;
  private static final Set<GradientPart> WEIGHTS = EnumSet.of(
      GradientPart.INPUT_WEIGHTS, GradientPart.RECURRENT_WEIGHTS, GradientPart.OUTPUT_WEIGHTS);

  private final FastBackend vector = new FastBackend(true);
  private final FastBackend scalar = new FastBackend(false);

  @ParameterizedTest(name = "K={0}, H={1}, T={2}")
  @CsvSource({"3, 5, 1", "3, 5, 9", "26, 100, 40", "7, 17, 13", "79, 100, 120"})
  @DisplayName("a forward run gives the scalar kernel's outputs, cell and hidden states, constant or noisy input")
  void runMatchesScalar(int concepts, int hidden, int steps) {
    LstmWeights weights = LstmWeights.random(concepts, hidden, 5);
    Random random = new Random(6);
    float[][] constant = new float[steps][];
    float[][] noisy = new float[steps][];
    float[] x = randomInput(concepts, random);
    for (int t = 0; t < steps; t++) {
      constant[t] = x;
      noisy[t] = x.clone();
      noisy[t][t % concepts] += (float) (0.1 * random.nextGaussian());
    }
    for (float[][] inputs : List.of(constant, noisy)) {
      Rollout expected = scalar.run(weights, inputs, true);
      Rollout actual = vector.run(weights, inputs, true);
      assertClose(actual.output().toArray(), expected.output().toArray(), "outputs");
      assertClose(flatten(actual.cell()), flatten(expected.cell()), "cell states");
      assertClose(flatten(actual.hidden()), flatten(expected.hidden()), "hidden states");
      assertThat(vector.run(weights, inputs, false).cell()).isNull();
    }
  }

  @ParameterizedTest(name = "K={0}, H={1}, T={2}")
  @CsvSource({"3, 5, 1", "3, 5, 2", "3, 5, 9", "26, 100, 40", "7, 17, 13"})
  @DisplayName("one sequence's loss and every gradient part equal the scalar kernel's")
  void gradientsMatchScalar(int concepts, int hidden, int steps) {
    LstmWeights weights = LstmWeights.random(concepts, hidden, 7);
    float[] input = randomInput(concepts, new Random(8));
    StrokeSequence target = TinyModels.random(steps, 9);
    Set<GradientPart> all = EnumSet.allOf(GradientPart.class);
    Gradients expected = scalar.gradients(weights, input, target, all);
    Gradients actual = vector.gradients(weights, input, target, all);
    assertThat(actual.loss()).isCloseTo(expected.loss(), within(TOLERANCE * expected.loss()));
    assertClose(actual.input(), expected.input(), "dL/dx");
    assertClose(actual.projectedInput(), expected.projectedInput(), "dL/dz");
    assertClose(flatten(actual.codes()), flatten(expected.codes()), "dL/dcodes");
    assertSameWeightGradients(actual, expected);
  }

  @Test
  @DisplayName("only the projected-input gradient, as one-shot learning asks, is the same and nothing else is made")
  void projectedInputOnly() {
    LstmWeights weights = LstmWeights.random(1, 100, 3).withIdentityCodes();
    float[] code = randomInput(100, new Random(4));
    StrokeSequence target = TinyModels.loop(31, 0.3);
    Set<GradientPart> dz = EnumSet.of(GradientPart.PROJECTED_INPUT);
    Gradients actual = vector.gradients(weights, code, target, dz);
    assertClose(actual.projectedInput(), scalar.gradients(weights, code, target, dz).projectedInput(), "dL/dz");
    assertThat(actual.wHh()).isNull();
    assertThat(actual.codes()).isNull();
  }

  @ParameterizedTest(name = "{0} sequences")
  @CsvSource({"1", "5", "16", "37"})
  @DisplayName("a batch of different lengths gives the mean of the scalar kernel's per-sequence losses and gradients")
  void batchMeanMatchesPerSequence(int size) {
    LstmWeights weights = LstmWeights.random(26, 100, 12);
    List<BatchSequence> batch = batch(size, 26, 13);
    Gradients expected = InterfaceDefaults.over("per sequence", scalar).meanGradients(weights, batch, WEIGHTS);
    Gradients actual = vector.meanGradients(weights, batch, WEIGHTS);
    assertThat(actual.loss()).isCloseTo(expected.loss(), within(TOLERANCE * expected.loss()));
    assertClose(flatten(actual.codes()), flatten(expected.codes()), "dL/dcodes");
    assertSameWeightGradients(actual, expected);
    assertThat(vector.meanGradients(weights, batch, WEIGHTS).wHh()).as("deterministic").isEqualTo(actual.wHh());
  }

  @Test
  @DisplayName("a batch with targets made from the output (time-aligned MSE) equals the per-sequence way")
  void alignedBatch() {
    LstmWeights weights = LstmWeights.random(5, 16, 21);
    TimeAlignment alignment = new TimeAlignment(TimeAlignment.DEFAULT_BAND_FRACTION);
    List<BatchSequence> batch = new ArrayList<>();
    for (int b = 0; b < 20; b++) {
      StrokeSequence recorded = TinyModels.loop(8 + 3 * b, 0.1 * b);
      batch.add(new BatchSequence(randomInput(5, new Random(b)), recorded.length(),
          out -> alignment.retime(out, recorded)));
    }
    Gradients expected = InterfaceDefaults.over("per sequence", scalar).meanGradients(weights, batch, WEIGHTS);
    Gradients actual = vector.meanGradients(weights, batch, WEIGHTS);
    assertThat(actual.loss()).isCloseTo(expected.loss(), within(TOLERANCE * expected.loss()));
    assertSameWeightGradients(actual, expected);
  }

  @ParameterizedTest(name = "{0} sequences")
  @CsvSource({"1", "5", "19"})
  @DisplayName("a group computed as one batch gives each sequence's own loss and input gradients, in list order")
  void eachOfAGroupMatchesPerSequence(int size) {
    LstmWeights weights = LstmWeights.random(26, 100, 14);
    List<BatchSequence> group = batch(size, 26, 15);
    Set<GradientPart> inputSide = EnumSet.of(GradientPart.INPUT, GradientPart.PROJECTED_INPUT);
    List<Gradients> actual = vector.gradientsOfEach(weights, group, inputSide);
    List<Gradients> byDefault = scalar.gradientsOfEach(weights, group, inputSide);
    assertThat(actual).hasSize(size);
    for (int b = 0; b < size; b++) {
      BatchSequence s = group.get(b);
      Gradients expected = scalar.gradients(weights, s.input(), s.steps(), s.targetFor(), inputSide);
      assertThat(actual.get(b).loss()).isCloseTo(expected.loss(), within(TOLERANCE * expected.loss()));
      assertClose(actual.get(b).input(), expected.input(), "dL/dx of sequence " + b);
      assertClose(actual.get(b).projectedInput(), expected.projectedInput(), "dL/dz of sequence " + b);
      assertThat(byDefault.get(b).projectedInput()).isEqualTo(expected.projectedInput());
      assertThat(actual.get(b).wHh()).isNull();
    }
  }

  @Test
  @DisplayName("a group refuses weight gradients and an empty list, naming them")
  void rejectsBadGroups() {
    LstmWeights weights = LstmWeights.random(3, 5, 1);
    for (FastBackend backend : List.of(vector, scalar)) {
      assertThatThrownBy(() -> backend.gradientsOfEach(weights, batch(2, 3, 1),
          EnumSet.of(GradientPart.RECURRENT_WEIGHTS)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RECURRENT_WEIGHTS is a weight gradient");
      assertThatThrownBy(() -> backend.gradientsOfEach(weights, List.of(), EnumSet.of(GradientPart.INPUT)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one sequence");
    }
  }

  @Test
  @DisplayName("a batch mean refuses per-sequence parts and an empty batch, naming them")
  void rejectsBadBatches() {
    LstmWeights weights = LstmWeights.random(3, 5, 1);
    assertThatThrownBy(() -> vector.meanGradients(weights, batch(2, 3, 1), EnumSet.of(GradientPart.INPUT)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INPUT is a per-sequence gradient");
    assertThatThrownBy(() -> vector.meanGradients(weights, List.of(), WEIGHTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one sequence");
  }

  private static List<BatchSequence> batch(int size, int concepts, long seed) {
    Random random = new Random(seed);
    List<BatchSequence> batch = new ArrayList<>();
    for (int b = 0; b < size; b++) {
      float[] oneHot = new float[concepts];
      oneHot[random.nextInt(concepts)] = 1;
      batch.add(BatchSequence.of(oneHot, TinyModels.random(1 + random.nextInt(60), seed + b)));
    }
    return batch;
  }

  private static void assertSameWeightGradients(Gradients actual, Gradients expected) {
    assertClose(actual.wIh(), expected.wIh(), "dL/dW_ih");
    assertClose(actual.wHh(), expected.wHh(), "dL/dW_hh");
    assertClose(actual.wOut(), expected.wOut(), "dL/dW_out");
  }

  private static float[] randomInput(int n, Random random) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextFloat() - 0.3f;
    }
    return x;
  }

  static float[] flatten(float[][] rows) {
    int n = 0;
    for (float[] r : rows) {
      n += r.length;
    }
    float[] out = new float[n];
    int i = 0;
    for (float[] r : rows) {
      System.arraycopy(r, 0, out, i, r.length);
      i += r.length;
    }
    return out;
  }

  private static void assertClose(float[] actual, float[] expected, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    double maxDiff = 0;
    double maxExpected = 1e-6;
    for (int i = 0; i < expected.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs((double) actual[i] - expected[i]));
      maxExpected = Math.max(maxExpected, Math.abs(expected[i]));
    }
    assertThat(maxDiff / maxExpected).as(what + ": max difference relative to max value").isLessThan(TOLERANCE);
  }
}
