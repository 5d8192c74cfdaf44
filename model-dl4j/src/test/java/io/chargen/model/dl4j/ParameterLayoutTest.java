package io.chargen.model.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The permutation between PyTorch's gate rows and DL4J's gate columns, checked on hand-made matrices. */
@DisplayName("ParameterLayout")
class ParameterLayoutTest {
  private static final int HIDDEN = 2;

  @Test
  @DisplayName("puts PyTorch's gates i, f, g, o into DL4J's column blocks 3, 1, 0, 2, transposed")
  void permutesGates() {
    // Row r of our 4H×H matrix (gate r / H, unit r % H) holds 10·r + input index.
    float[] ours = new float[4 * HIDDEN * HIDDEN];
    for (int r = 0; r < 4 * HIDDEN; r++) {
      for (int j = 0; j < HIDDEN; j++) {
        ours[r * HIDDEN + j] = 10 * r + j;
      }
    }

    double[][] dl4j = ParameterLayout.lstmToDl4j(ours, HIDDEN);

    // DL4J column blocks: g (our rows 4, 5), f (rows 2, 3), o (rows 6, 7), i (rows 0, 1); row = input index.
    assertThat(dl4j[0]).containsExactly(40, 50, 20, 30, 60, 70, 0, 10);
    assertThat(dl4j[1]).containsExactly(41, 51, 21, 31, 61, 71, 1, 11);
  }

  @Test
  @DisplayName("maps a DL4J matrix back to ours, scaled, inverting the forward mapping")
  void roundTrips() {
    float[] ours = new float[4 * HIDDEN * HIDDEN];
    for (int i = 0; i < ours.length; i++) {
      ours[i] = i - 7;
    }
    double[][] dl4j = ParameterLayout.lstmToDl4j(ours, HIDDEN);

    float[] back = ParameterLayout.lstmFromDl4j((r, c) -> dl4j[r][c], HIDDEN, 0.5);

    for (int i = 0; i < ours.length; i++) {
      assertThat(back[i]).isEqualTo(ours[i] * 0.5f);
    }
  }

  @Test
  @DisplayName("transposes the 4×H output matrix to DL4J's H×4 and back")
  void outputMatrix() {
    float[] wOut = {1, 2, 3, 4, 5, 6, 7, 8};

    double[][] dl4j = ParameterLayout.outputToDl4j(wOut, HIDDEN);

    assertThat(dl4j[0]).containsExactly(1, 3, 5, 7);
    assertThat(dl4j[1]).containsExactly(2, 4, 6, 8);
    assertThat(ParameterLayout.outputFromDl4j((r, c) -> dl4j[r][c], HIDDEN, 1)).containsExactly(wOut);
  }
}
