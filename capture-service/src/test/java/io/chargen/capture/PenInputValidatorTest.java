package io.chargen.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PenInputValidatorTest {
  private final PenInputValidator validator = new PenInputValidator();

  @Test
  @DisplayName("a valid example keeps label, writer, device and every point value")
  void acceptsValidExample() throws Exception {
    PenInput input = validator.parse(PenInputs.example("n").encode(), true);
    assertThat(input.label()).isEqualTo("n");
    assertThat(input.writer()).isEqualTo("w1");
    assertThat(input.device()).isEqualTo("tablet-7");
    assertThat(input.points()).hasSize(5);
    assertThat(input.points().get(2).getPressure()).isEqualTo(-0.156);
    assertThat(input.points().get(3).getDown()).isTrue();
    assertThat(input.points().get(4).getT()).isEqualTo(0.31);
  }

  @Test
  @DisplayName("a query needs no label, and a label sent with it is dropped")
  void queryIgnoresLabel() throws Exception {
    JsonObject json = PenInputs.example("far-too-long-label");
    assertThat(validator.parse(json.encode(), false).label()).isEmpty();
    json.remove("label");
    assertThat(validator.parse(json.encode(), false).points()).hasSize(5);
  }

  @Test
  @DisplayName("text that is not JSON is rejected, quoting the body")
  void rejectsInvalidJson() {
    rejects("{\"label\": \"n\", points: [", true, "body", "{\"label\": \"n\", points: [");
  }

  @Test
  @DisplayName("a JSON array instead of an object is rejected")
  void rejectsArrayBody() {
    rejects("[1, 2]", true, "body", "[1, 2]");
  }

  @Test
  @DisplayName("an example without a label is rejected")
  void rejectsMissingLabel() {
    JsonObject json = PenInputs.example("n");
    json.remove("label");
    rejects(json.encode(), true, "label", "missing");
  }

  @Test
  @DisplayName("a blank label is rejected, quoting it")
  void rejectsBlankLabel() {
    rejects(PenInputs.example("  ").encode(), true, "label", "\"  \"");
  }

  @Test
  @DisplayName("a label longer than 8 characters is rejected, quoting it")
  void rejectsLongLabel() {
    rejects(PenInputs.example("abcdefghi").encode(), true, "label", "\"abcdefghi\"");
  }

  @Test
  @DisplayName("a label with whitespace inside is rejected, quoting it")
  void rejectsLabelWithSpace() {
    rejects(PenInputs.example("a b").encode(), true, "label", "\"a b\"");
  }

  @Test
  @DisplayName("a label that is not a string is rejected, naming the value")
  void rejectsNumericLabel() {
    rejects(PenInputs.example("n").put("label", 7).encode(), true, "label", "7");
  }

  @Test
  @DisplayName("a writer that is not a string is rejected")
  void rejectsNumericWriter() {
    rejects(PenInputs.example("n").put("writer", 12).encode(), true, "writer", "12");
  }

  @Test
  @DisplayName("missing points are rejected")
  void rejectsMissingPoints() {
    JsonObject json = PenInputs.example("n");
    json.remove("points");
    rejects(json.encode(), true, "points", "missing");
  }

  @Test
  @DisplayName("points that are not an array are rejected, naming the value")
  void rejectsPointsNotArray() {
    rejects(PenInputs.example("n").put("points", "abc").encode(), true, "points", "\"abc\"");
  }

  @Test
  @DisplayName("empty points are rejected")
  void rejectsEmptyPoints() {
    rejects(PenInputs.example("n").put("points", new JsonArray()).encode(), true, "points", "empty");
  }

  @Test
  @DisplayName("more than 2,000 points are rejected, naming the count")
  void rejectsTooManyPoints() {
    JsonArray many = new JsonArray();
    for (int i = 0; i <= io.chargen.service.TrajectoryLimits.MAX_POINTS; i++) {
      many.add(PenInputs.point(0.1, 0.1, 0.5, i == 0, i * 0.01));
    }
    rejects(PenInputs.example("n").put("points", many).encode(), true, "points", "2001");
  }

  @Test
  @DisplayName("a point that is not an object is rejected, naming its index and value")
  void rejectsPointNotObject() {
    rejects(withPoint(1, 42), "points[1]", "42");
  }

  @Test
  @DisplayName("a string \"NaN\" where a number belongs is rejected")
  void rejectsNaNString() {
    rejects(withPoint(2, PenInputs.point(0.1, 0.1, 0.5, false, 0.02).put("x", "NaN")), "points[2].x", "\"NaN\"");
  }

  @Test
  @DisplayName("a number too large for a double (1e400, parsed as infinity) is rejected")
  void rejectsInfinity() {
    String body = PenInputs.example("n").encode().replaceFirst("\"y\":0.2", "\"y\":1e400");
    rejects(body, true, "points[0].y", "Infinity");
  }

  @Test
  @DisplayName("a missing coordinate is rejected, naming the field")
  void rejectsMissingNumber() {
    JsonObject point = PenInputs.point(0.1, 0.1, 0.5, false, 0.02);
    point.remove("t");
    rejects(withPoint(2, point), "points[2].t", "null");
  }

  @Test
  @DisplayName("a coordinate beyond 1e6 is rejected, naming the value")
  void rejectsHugeCoordinate() {
    rejects(withPoint(2, PenInputs.point(3e7, 0.1, 0.5, false, 0.02)), "points[2].x", "3.0E7");
  }

  @Test
  @DisplayName("down that is not a boolean is rejected, naming the value")
  void rejectsNonBooleanDown() {
    rejects(withPoint(2, PenInputs.point(0.1, 0.1, 0.5, false, 0.02).put("down", "yes")), "points[2].down",
        "\"yes\"");
  }

  @Test
  @DisplayName("a first point that is not pen-down is rejected")
  void rejectsFirstPointUp() {
    rejects(withPoint(0, PenInputs.point(0.1, 0.1, 0.5, false, 0.0)), "points[0].down", "false");
  }

  @Test
  @DisplayName("negative time is rejected, naming the value")
  void rejectsNegativeTime() {
    rejects(withPoint(0, PenInputs.point(0.1, 0.1, 0.5, true, -1.0)), "points[0].t", "-1.0");
  }

  @Test
  @DisplayName("time going backwards is rejected, naming both values")
  void rejectsTimeBackwards() {
    rejects(withPoint(2, PenInputs.point(0.1, 0.1, 0.5, false, 0.005)), "points[2].t", "0.005", "0.01");
  }

  @Test
  @DisplayName("pressure above 1.5 is rejected, naming the value and the bounds")
  void rejectsHighPressure() {
    rejects(withPoint(1, PenInputs.point(0.1, 0.1, 1.6, false, 0.01)), "points[1].pressure", "1.6", "1.5");
  }

  @Test
  @DisplayName("pressure below -0.5 is rejected, while DigiLeTs' -0.156 is accepted")
  void rejectsLowPressure() {
    rejects(withPoint(1, PenInputs.point(0.1, 0.1, -0.6, false, 0.01)), "points[1].pressure", "-0.6", "-0.5");
  }

  private static String withPoint(int index, Object point) {
    JsonObject json = PenInputs.example("n");
    json.getJsonArray("points").set(index, point);
    return json.encode();
  }

  private void rejects(String body, String... named) {
    rejects(body, true, named);
  }

  private void rejects(String body, boolean labelRequired, String... named) {
    assertThatThrownBy(() -> validator.parse(body, labelRequired))
        .isInstanceOf(InvalidPenInputException.class)
        .message().contains(named);
  }
}
