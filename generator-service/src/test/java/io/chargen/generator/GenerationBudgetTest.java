package io.chargen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GenerationBudgetTest {
  private static final int H = 100;

  private static GenerationSpec spec(int variants, int steps, boolean states) {
    return new GenerationSpec(Map.of("a", 1.0), variants, 0.03, 1, steps, states);
  }

  @Test
  @DisplayName("the request of the issue (50 variants x 1000 steps with states) is refused, as is 50 x 900")
  void refusesHugeRequest() {
    assertThatThrownBy(() -> GenerationBudget.check(spec(50, 1000, true), H))
        .hasMessageContaining("204000 values per trajectory");
    assertThatThrownBy(() -> GenerationBudget.check(spec(50, 900, true), H))
        .hasMessageContaining("9180000 values").hasMessageContaining("budget per request is 400000");
  }

  @Test
  @DisplayName("states with 2000 steps would not fit one Kafka record: refused, saying how many steps fit")
  void refusesOversizeTrajectory() {
    assertThatThrownBy(() -> GenerationBudget.check(spec(1, 2000, true), H))
        .hasMessageContaining("408000 values per trajectory").hasMessageContaining("at most 980 steps");
  }

  @Test
  @DisplayName("a default request is light, the largest plain request fits and is heavy")
  void lightAndHeavy() {
    GenerationBudget.check(spec(50, 2000, false), H);
    assertThat(GenerationBudget.heavy(spec(1, 40, false), H)).isFalse();
    assertThat(GenerationBudget.heavy(spec(50, 2000, false), H)).isTrue();
  }
}
