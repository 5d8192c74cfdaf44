package io.chargen.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pen points and samples")
class PenRecordsTest {
  private static final PenPoint POINT = new PenPoint(0.1, 0.2, 0.3, true, 0);

  @Test
  @DisplayName("reject a NaN coordinate, naming the field and value")
  void rejectNaN() {
    assertThatThrownBy(() -> new PenPoint(Double.NaN, 0, 0, false, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x").hasMessageContaining("NaN");
  }

  @Test
  @DisplayName("reject an infinite pressure, naming the field and value")
  void rejectInfinitePressure() {
    assertThatThrownBy(() -> new PenPoint(0, 0, Double.POSITIVE_INFINITY, false, 0))
        .hasMessageContaining("pressure").hasMessageContaining("Infinity");
  }

  @Test
  @DisplayName("reject a sample without points, naming the letter and writer")
  void rejectEmptySample() {
    assertThatThrownBy(() -> new PenSample('a', "w7", 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("points").hasMessageContaining("'a'").hasMessageContaining("w7");
  }

  @Test
  @DisplayName("reject a label outside 0-9 a-z A-Z, a blank writer and a negative instance")
  void rejectBadSampleFields() {
    assertThatThrownBy(() -> new PenSample('#', "w", 0, List.of(POINT))).hasMessageContaining("'#'");
    assertThatThrownBy(() -> new PenSample('a', " ", 0, List.of(POINT))).hasMessageContaining("writer");
    assertThatThrownBy(() -> new PenSample('a', "w", -1, List.of(POINT)))
        .hasMessageContaining("instance").hasMessageContaining("-1");
  }

  @Test
  @DisplayName("copy the point list so later changes do not leak in")
  void copyPoints() {
    List<PenPoint> points = new ArrayList<>(List.of(POINT));
    PenSample sample = new PenSample('a', "w", 0, points);

    points.add(POINT);

    assertThat(sample.points()).hasSize(1);
  }
}
