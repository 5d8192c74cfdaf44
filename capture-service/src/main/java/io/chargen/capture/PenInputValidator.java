package io.chargen.capture;

import io.chargen.model.Names;
import io.chargen.proto.v1.PenPoint;
import io.chargen.service.TrajectoryLimits;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pen input as the tablets send it ({@code {"label","writer","device","points":[{"x","y","pressure","down",
 * "t"}…]}}) into a {@link PenInput}: this class checks the JSON types (a number where a number belongs, the string
 * {@code "NaN"} is not one; {@code 1e400} parses as infinity), and {@link TrajectoryLimits} — the same limits the
 * learner and classifier apply to what they read from Kafka — checks counts, ranges and order. So what capture
 * accepts, the downstream services can process. Every rejection names the field and the value. Unknown fields are
 * ignored (and not kept), so clients may send more than this service uses.
 */
public final class PenInputValidator {
  /** Characters of a bad body quoted in the error. */
  private static final int QUOTED_BODY_CHARS = 40;

  /**
   * @param body the request body
   * @param labelRequired true for examples, false for queries (whose label is ignored and left empty)
   * @return the validated input
   * @throws InvalidPenInputException naming the field and the value
   */
  public PenInput parse(String body, boolean labelRequired) throws InvalidPenInputException {
    return validate(object(body, "body"), labelRequired);
  }

  /**
   * @param json the decoded input
   * @param labelRequired true for examples, false for queries (whose label is ignored and left empty)
   * @return the validated input
   * @throws InvalidPenInputException naming the field and the value
   */
  public PenInput validate(JsonObject json, boolean labelRequired) throws InvalidPenInputException {
    String label = labelRequired ? label(json.getValue("label")) : "";
    String writer = name(json, "writer");
    String device = name(json, "device");
    Object points = json.getValue("points");
    if (points == null) {
      throw new InvalidPenInputException("points is missing");
    }
    if (!(points instanceof JsonArray array)) {
      throw new InvalidPenInputException("points = " + quote(points) + " is not an array");
    }
    return validate(label, writer, device, points(array, 0));
  }

  /**
   * @param label the label, already checked; empty for queries
   * @param writer the writer, already checked
   * @param device the device, already checked
   * @param points typed points
   * @return the input, if the points pass {@link TrajectoryLimits}
   * @throws InvalidPenInputException naming the field and the value
   */
  public PenInput validate(String label, String writer, String device, List<PenPoint> points)
      throws InvalidPenInputException {
    try {
      TrajectoryLimits.checkPoints(points);
    } catch (IllegalArgumentException e) {
      throw new InvalidPenInputException(e.getMessage());
    }
    return new PenInput(label, writer, device, points);
  }

  /**
   * @param json an object with optional {@code writer} and {@code device}
   * @return an input holding only the checked names
   * @throws InvalidPenInputException naming the field and the value
   */
  public PenInput validateNames(JsonObject json) throws InvalidPenInputException {
    return new PenInput("", name(json, "writer"), name(json, "device"), List.of());
  }

  /**
   * @param text a JSON text
   * @param what names it in the error, e.g. {@code body} or {@code message}
   * @return the object
   * @throws InvalidPenInputException if it is not a JSON object
   */
  public static JsonObject object(String text, String what) throws InvalidPenInputException {
    try {
      return new JsonObject(text == null ? "" : text);
    } catch (DecodeException | ClassCastException e) {
      String shown = text == null ? "" : text.length() > QUOTED_BODY_CHARS
          ? text.substring(0, QUOTED_BODY_CHARS) + "…" : text;
      throw new InvalidPenInputException(what + " = '" + shown + "' is not a JSON object");
    }
  }

  /**
   * @param value the label as sent
   * @return the label, NFC-normalised
   * @throws InvalidPenInputException if missing, not a string, or breaking the {@link Names#label} rules
   */
  public String label(Object value) throws InvalidPenInputException {
    if (value == null) {
      throw new InvalidPenInputException("label is missing");
    }
    if (!(value instanceof String label)) {
      throw new InvalidPenInputException("label = " + quote(value) + " is not a string");
    }
    try {
      return Names.label("label", label);
    } catch (IllegalArgumentException e) {
      throw new InvalidPenInputException(e.getMessage());
    }
  }

  /**
   * @param array a {@code points} array, or a further chunk of one
   * @param first the index of its first point in the whole trajectory, for error messages
   * @return the typed points, unknown fields dropped (ranges are checked on the whole trajectory)
   * @throws InvalidPenInputException naming the first bad point's field and value
   */
  public List<PenPoint> points(JsonArray array, int first) throws InvalidPenInputException {
    if (array.size() > TrajectoryLimits.MAX_POINTS) {
      throw new InvalidPenInputException("points has " + array.size() + " entries; at most "
          + TrajectoryLimits.MAX_POINTS);
    }
    List<PenPoint> points = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      points.add(point(array.getValue(i), first + i));
    }
    return points;
  }

  private static PenPoint point(Object value, int i) throws InvalidPenInputException {
    String at = "points[" + i + "]";
    if (!(value instanceof JsonObject json)) {
      throw new InvalidPenInputException(at + " = " + quote(value) + " is not an object");
    }
    Object down = json.getValue("down");
    PenPoint.Builder point = PenPoint.newBuilder().setX(number(json, at, "x")).setY(number(json, at, "y"))
        .setPressure(number(json, at, "pressure")).setT(number(json, at, "t"));
    if (!(down instanceof Boolean penDown)) {
      throw new InvalidPenInputException(at + ".down = " + quote(down) + " is not a boolean");
    }
    return point.setDown(penDown).build();
  }

  private static double number(JsonObject json, String at, String field) throws InvalidPenInputException {
    Object value = json.getValue(field);
    if (!(value instanceof Number number)) {
      throw new InvalidPenInputException(at + "." + field + " = " + quote(value) + " is not a number");
    }
    return number.doubleValue();
  }

  private static String name(JsonObject json, String field) throws InvalidPenInputException {
    Object value = json.getValue(field);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String name)) {
      throw new InvalidPenInputException(field + " = " + quote(value) + " is not a string");
    }
    try {
      if (field.equals("writer")) {
        return Names.writer(field, name); // NFC: the same writer however the tablet encodes the name
      }
      TrajectoryLimits.checkDevice(name);
      return name;
    } catch (IllegalArgumentException e) {
      throw new InvalidPenInputException(e.getMessage());
    }
  }

  private static String quote(Object value) {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }
}
