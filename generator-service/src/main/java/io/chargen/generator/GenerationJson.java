package io.chargen.generator;

import io.chargen.model.generate.Generator;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.StateRow;
import io.chargen.proto.v1.Step;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON side of the API: reads the body of {@code POST /v1/generations} into a {@link GenerationSpec} (types and
 * presence; the ranges are the spec's own validation) and writes trajectories for {@code GET} answers and stream
 * events. Errors name the field and the value the client sent.
 */
public final class GenerationJson {
  /** 2^53: above it a JSON number written with a fraction or exponent is no longer an exact integer. */
  private static final double MAX_EXACT_DOUBLE = 0x1p53;

  private GenerationJson() {}

  /**
   * @param body the request body
   * @return the spec, defaults filled in (variants 1, noise 0, seed 0, states false; steps
   *     {@value GenerationSpec#NATURAL_STEPS} = the letter's natural length, see {@link NaturalLength}), not yet
   *     validated against a concept set
   * @throws IllegalArgumentException naming the bad field and value
   */
  public static GenerationSpec parse(String body) {
    JsonObject json;
    try {
      json = new JsonObject(body == null || body.isBlank() ? "" : body);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("body is not a JSON object: " + abbreviate(body));
    }
    Object mixValue = json.getValue("mix");
    if (!(mixValue instanceof JsonObject mixJson)) {
      throw new IllegalArgumentException("mix is " + mixValue + "; must be an object of concept -> weight");
    }
    Map<String, Double> mix = new HashMap<>();
    for (Map.Entry<String, Object> e : mixJson) {
      if (!(e.getValue() instanceof Number weight)) {
        throw new IllegalArgumentException("mix." + e.getKey() + " is " + e.getValue() + "; must be a number");
      }
      mix.put(e.getKey(), weight.doubleValue());
    }
    return new GenerationSpec(mix,
        (int) integer(json, "variants", 1),
        number(json, "noise", 0),
        integer(json, "seed", 0),
        steps(json),
        bool(json, "states"));
  }

  /** The step count, or {@link GenerationSpec#NATURAL_STEPS} when absent; an explicit 0 is an error, not "natural". */
  private static int steps(JsonObject json) {
    if (!json.containsKey("steps")) {
      return GenerationSpec.NATURAL_STEPS;
    }
    int steps = (int) integer(json, "steps", GenerationSpec.NATURAL_STEPS);
    if (steps < 1) {
      throw new IllegalArgumentException("steps is " + steps + "; allowed 1.." + Generator.MAX_STEPS);
    }
    return steps;
  }

  /**
   * @param t a trajectory
   * @return {@code {"variant", "seed", "points": [[dx,dy,pressure,stroke]…], "cell"?, "hidden"?}}
   */
  public static JsonObject trajectory(GeneratedTrajectory t) {
    JsonArray points = new JsonArray();
    for (Step s : t.getStepsList()) {
      points.add(new JsonArray(List.of(s.getDx(), s.getDy(), s.getPressure(), s.getStroke())));
    }
    JsonObject json = new JsonObject().put("variant", t.getVariant()).put("seed", t.getSeed()).put("points", points);
    if (t.getCellCount() > 0) {
      json.put("cell", rows(t.getCellList()));
      json.put("hidden", rows(t.getHiddenList()));
    }
    return json;
  }

  /**
   * @param t a trajectory just read from {@code chargen.generations}
   * @return the stream event {@code {"type":"trajectory","id","variant","mix","noise","seed","points",…}}
   */
  public static JsonObject trajectoryEvent(GeneratedTrajectory t) {
    JsonObject event = new JsonObject().put("type", "trajectory").put("id", t.getRequestId())
        .put("mix", new JsonObject(new TreeMap<>(t.getMixMap()))).put("noise", t.getNoise())
        .put("model_id", t.getModelId());
    trajectory(t).forEach(e -> event.put(e.getKey(), e.getValue()));
    return event;
  }

  private static JsonArray rows(List<StateRow> rows) {
    JsonArray out = new JsonArray();
    for (StateRow row : rows) {
      out.add(new JsonArray(List.copyOf(row.getValuesList())));
    }
    return out;
  }

  private static long integer(JsonObject json, String field, long fallback) {
    Object value = json.getValue(field);
    if (value == null) {
      return fallback;
    }
    boolean whole = value instanceof Integer || value instanceof Long
        || value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
            && Math.abs(n.doubleValue()) < MAX_EXACT_DOUBLE;
    if (!whole) {
      throw new IllegalArgumentException(field + " is " + value + "; must be an integer");
    }
    long v = ((Number) value).longValue();
    if (!"seed".equals(field) && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
      throw new IllegalArgumentException(field + " is " + value + "; out of range");
    }
    return v;
  }

  private static double number(JsonObject json, String field, double fallback) {
    Object value = json.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(field + " is " + value + "; must be a number");
    }
    return n.doubleValue();
  }

  private static boolean bool(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof Boolean)) {
      throw new IllegalArgumentException(field + " is " + value + "; must be true or false");
    }
    return Boolean.TRUE.equals(value);
  }

  private static String abbreviate(String body) {
    final int shown = 80; // enough to recognise the body in an error, short enough for a log line
    return body == null ? "null" : body.length() <= shown ? body : body.substring(0, shown) + "…";
  }
}
