package io.chargen.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.CharModel;
import io.chargen.model.fixtures.TinyModels;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodePriorTest {
  private static final int H = 6;
  private final CharModel model = TinyModels.untrained("abcdxy", H, 5)
      .withMetadata(Map.of(CharModel.TRAINING_LETTERS_KEY, "a-d"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"norm:0.7:0.5", "gauss:0.3:0.2", "mean+gauss:0.3:1"})
  @DisplayName("each penalty's gradient matches central finite differences of its value")
  void gradientMatchesFiniteDifferences(String spec) {
    CodePrior.Penalty penalty = CodePrior.parse(spec).penaltyFor(model);
    Random random = new Random(3);
    float[] code = new float[H];
    for (int j = 0; j < H; j++) {
      code[j] = (float) (2 * random.nextGaussian());
    }
    float[] gradient = new float[H];
    penalty.addTo(code, gradient);
    FiniteDifferences.assertGradient(c -> penalty.addTo(c, new float[H]), code, gradient, 1e-3, 2e-3, 2e-3, spec);
  }

  @Test
  @DisplayName("the Gaussian prior is zero at the trained mean and its precision inverts the shrunk covariance")
  void gaussianIsCentredAndInverts() {
    List<float[]> codes = List.of(model.code("a"), model.code("b"), model.code("c"), model.code("d"));
    GaussianPrior prior = GaussianPrior.fit(codes, 1, 0.3);
    float[] mean = CodePrior.parse("mean").centreFor(model);
    assertThat(prior.addTo(mean, new float[H])).isCloseTo(0, within(1e-9));
    double[] a = {4, 1, 0, 1, 3, 1, 0, 1, 2};
    double[] inverse = GaussianPrior.inverse(a, 3);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double product = 0;
        for (int k = 0; k < 3; k++) {
          product += a[i * 3 + k] * inverse[k * 3 + j];
        }
        assertThat(product).isCloseTo(i == j ? 1 : 0, within(1e-12));
      }
    }
  }

  @Test
  @DisplayName("the norm bound costs nothing inside its radius: the largest trained norm times the factor")
  void normBoundIsFreeInside() {
    double largest = 0;
    for (String l : List.of("a", "b", "c", "d")) {
      double n = 0;
      for (float v : model.code(l)) {
        n += v * v;
      }
      largest = Math.max(largest, Math.sqrt(n));
    }
    CodePrior.Penalty bound = CodePrior.parse("norm:1:2").penaltyFor(model);
    float[] inside = new float[H];
    inside[0] = (float) (1.99 * largest);
    float[] outside = new float[H];
    outside[0] = (float) (2.5 * largest);
    assertThat(bound.addTo(inside, new float[H])).isZero();
    assertThat(bound.addTo(outside, new float[H])).isCloseTo(Math.pow(0.5 * largest, 2), within(1e-4));
  }

  @Test
  @DisplayName("the centre is the mean of the trained letters' codes only, and zero for the paper's prior")
  void centre() {
    float[] mean = CodePrior.parse("mean").centreFor(model);
    for (int j = 0; j < H; j++) {
      float expected = (model.code("a")[j] + model.code("b")[j] + model.code("c")[j] + model.code("d")[j]) / 4;
      assertThat(mean[j]).isCloseTo(expected, within(1e-6f));
    }
    assertThat(CodePrior.NONE.centreFor(model)).containsOnly(0f);
    assertThat(CodePrior.NONE.penaltyFor(model)).isNull();
  }

  @Test
  @DisplayName("specs round-trip, and bad ones are rejected naming the spec and the accepted forms")
  void parsing() {
    for (String spec : List.of("none", "mean", "mean+norm:1.0:2.0", "gauss:0.01:0.1")) {
      assertThat(CodePrior.parse(spec).toString()).isEqualTo(spec);
    }
    assertThatThrownBy(() -> CodePrior.parse("ridge:1")).hasMessageContaining("'ridge:1'")
        .hasMessageContaining("[mean+]gauss:WEIGHT:SHRINKAGE");
    assertThatThrownBy(() -> CodePrior.parse("gauss:0.1:0")).hasMessageContaining("shrinkage must be in (0, 1]");
    assertThatThrownBy(() -> CodePrior.parse("norm:-1:2")).hasMessageContaining("weight must be finite and >= 0");
  }
}
