package io.chargen.launcher.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DivergingScale")
class DivergingScaleTest {
  @Test
  @DisplayName("maps zero to near-white, the limits to dark red and dark blue, and clamps beyond them")
  void mapsAnchors() {
    DivergingScale scale = new DivergingScale(2);
    assertThat(scale.colour(0)).isEqualTo(new Color(0xf7, 0xf7, 0xf7));
    assertThat(scale.colour(2)).isEqualTo(new Color(0x67, 0x00, 0x1f));
    assertThat(scale.colour(-2)).isEqualTo(new Color(0x05, 0x30, 0x61));
    assertThat(scale.colour(5)).isEqualTo(scale.colour(2));
    assertThat(scale.colour(1)).isEqualTo(new Color(0xd6, 0x60, 0x4d));
  }

  @Test
  @DisplayName("takes its limit from the largest magnitude of a matrix, 1 for all zeros")
  void limitFromMatrix() {
    assertThat(DivergingScale.symmetricAround0(new float[][] {{0.5f, -3f}, {1f, 0f}}).limit()).isEqualTo(3);
    assertThat(DivergingScale.symmetricAround0(new float[][] {{0f}}).limit()).isEqualTo(1);
  }

  @Test
  @DisplayName("rejects a non-positive limit, naming it")
  void rejectsZeroLimit() {
    assertThatThrownBy(() -> new DivergingScale(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0.0");
  }
}
