package io.chargen.model.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.Backend;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link Dl4jBackend} promises besides the numbers: its name, requested parts only, and rejected input. */
@DisplayName("Dl4jBackend")
class Dl4jBackendContractTest {
  private static final int CONCEPTS = 3;
  private static final int HIDDEN = 4;

  private final Backend dl4j = new Dl4jBackend();
  private final LstmWeights weights = LstmWeights.random(CONCEPTS, HIDDEN, 61);
  private final StrokeSequence target = Fixtures.randomTarget(5, 62);

  @Test
  @DisplayName("is named dl4j")
  void name() {
    assertThat(dl4j.name()).isEqualTo("dl4j");
  }

  @Test
  @DisplayName("computes only the requested gradient parts, and the loss always")
  void requestedPartsOnly() {
    float[] input = {0, 1, 0};
    Gradients all = dl4j.gradients(weights, input, target, EnumSet.allOf(GradientPart.class));

    Gradients some = dl4j.gradients(weights, input, target, EnumSet.of(GradientPart.PROJECTED_INPUT));

    assertThat(some.loss()).isEqualTo(all.loss());
    assertThat(some.projectedInput()).containsExactly(all.projectedInput());
    assertThat(some.input()).isNull();
    assertThat(some.codes()).isNull();
    assertThat(some.wIh()).isNull();
    assertThat(some.wHh()).isNull();
    assertThat(some.wOut()).isNull();
  }

  @Test
  @DisplayName("gives the input layer's gradient as the outer product of the input and dL/dz")
  void codeGradientIsOuterProduct() {
    float[] input = {0, 1, 0};
    Gradients all = dl4j.gradients(weights, input, target, EnumSet.allOf(GradientPart.class));

    assertThat(all.codes()[0]).containsOnly(0f);
    assertThat(all.codes()[2]).containsOnly(0f);
    assertThat(Fixtures.relativeError(all.codes()[1], all.projectedInput())).isLessThan(1e-6);
  }

  @Test
  @DisplayName("rejects a gradient input whose length is not the number of concepts")
  void rejectsWrongInputLength() {
    float[] input = new float[CONCEPTS + 1];

    assertThatThrownBy(() -> dl4j.gradients(weights, input, target, EnumSet.noneOf(GradientPart.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input has 4 values, expected 3 (one per concept)");
  }

  @Test
  @DisplayName("rejects a run step whose length is not the number of concepts, naming the step")
  void rejectsWrongStepLength() {
    float[][] inputs = {new float[CONCEPTS], new float[CONCEPTS - 1]};

    assertThatThrownBy(() -> dl4j.run(weights, inputs, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inputs[1] has 2 values, expected 3 (one per concept)");
  }

  @Test
  @DisplayName("rejects a run without steps")
  void rejectsEmptyRun() {
    assertThatThrownBy(() -> dl4j.run(weights, new float[0][], true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inputs has no steps; at least one is needed");
  }
}
