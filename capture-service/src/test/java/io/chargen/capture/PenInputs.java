package io.chargen.capture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Pen input as clients send it, for tests: a short valid two-stroke letter and builders to break it. */
final class PenInputs {
  private PenInputs() {}

  /** @return one point */
  static JsonObject point(double x, double y, double pressure, boolean down, double t) {
    return new JsonObject().put("x", x).put("y", y).put("pressure", pressure).put("down", down).put("t", t);
  }

  /** @return five points in two strokes, DigiLeTs-like (including a small negative pressure) */
  static JsonArray points() {
    return new JsonArray()
        .add(point(0.10, 0.20, 0.5, true, 0.0))
        .add(point(0.15, 0.30, 0.7, false, 0.01))
        .add(point(0.20, 0.40, -0.156, false, 0.02))
        .add(point(0.50, 0.20, 0.6, true, 0.30))
        .add(point(0.55, 0.35, 1.0, false, 0.31));
  }

  /** @return a valid labelled example */
  static JsonObject example(String label) {
    return new JsonObject().put("label", label).put("writer", "w1").put("device", "tablet-7").put("points", points());
  }
}
