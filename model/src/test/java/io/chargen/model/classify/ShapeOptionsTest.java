package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ShapeOptions")
class ShapeOptionsTest {
  @Test
  @DisplayName("turns the band fraction into a half-width of at least one point")
  void bandInPoints() {
    assertThat(new ShapeOptions(48, 1, 1, 1, 0.25).band()).isEqualTo(12);
    assertThat(new ShapeOptions(4, 1, 1, 1, 0.01).band()).isEqualTo(1);
  }

  @Test
  @DisplayName("rejects each bad setting with a message naming it and its value")
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new ShapeOptions(1, 1, 1, 1, 0.2)).hasMessage("points must be >= 2, got 1");
    assertThatThrownBy(() -> new ShapeOptions(8, -1, 1, 1, 0.2))
        .hasMessage("positionWeight must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> new ShapeOptions(8, 1, Double.NaN, 1, 0.2))
        .hasMessage("directionWeight must be finite and >= 0, got NaN");
    assertThatThrownBy(() -> new ShapeOptions(8, 1, 1, Double.POSITIVE_INFINITY, 0.2))
        .hasMessage("penUpWeight must be finite and >= 0, got Infinity");
    assertThatThrownBy(() -> new ShapeOptions(8, 1, 1, 1, 0)).hasMessage("bandFraction must be in (0, 1], got 0.0");
  }
}
