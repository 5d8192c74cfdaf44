package io.chargen.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.model.data.PenPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pen input as JSON, the same objects the capture service takes:
 * {@code {"label":"n","writer":"w1","points":[{"x":…,"y":…,"pressure":…,"down":true,"t":…},…]}}.
 */
final class PenJson {
  private PenJson() {}

  /** A parsed example: label may be null for a query. */
  record Example(String label, String writer, List<PenPoint> points) {}

  static Example read(Path file) throws IOException {
    JsonNode root = Json.MAPPER.readTree(file.toFile());
    JsonNode points = root.path("points");
    if (!points.isArray() || points.isEmpty()) {
      throw new IllegalArgumentException(file + ": 'points' must be a non-empty array");
    }
    List<PenPoint> parsed = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      JsonNode p = points.get(i);
      parsed.add(new PenPoint(number(file, p, i, "x"), number(file, p, i, "y"), number(file, p, i, "pressure"),
          p.path("down").asBoolean(false), number(file, p, i, "t")));
    }
    return new Example(root.hasNonNull("label") ? root.get("label").asText() : null,
        root.path("writer").asText("unknown"), parsed);
  }

  private static double number(Path file, JsonNode point, int index, String field) {
    JsonNode v = point.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(file + ": points[" + index + "]." + field + " must be a number, got " + v);
    }
    return v.asDouble();
  }

  static Object toJson(String label, String writer, List<PenPoint> points) {
    List<Object> list = new ArrayList<>();
    for (PenPoint p : points) {
      list.add(java.util.Map.of("x", p.x(), "y", p.y(), "pressure", p.pressure(), "down", p.penDown(), "t", p.t()));
    }
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    if (label != null) {
      m.put("label", label);
    }
    m.put("writer", writer);
    m.put("points", list);
    return m;
  }
}
