package io.chargen.capture;

import io.chargen.proto.v1.PenPoint;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks pen input as the tablets send it ({@code {"label","writer","device","points":[{"x","y","pressure","down",
 * "t"}…]}}) and turns it into a {@link PenInput}; every rejection names the field and the value. Rules and why:
 * <ul>
 *   <li>at most {@value #MAX_POINTS} points: DigiLeTs letters have a few hundred samples, so this leaves room for
 *   slow writers while bounding the work one request can cause downstream;</li>
 *   <li>the first point is pen-down: {@code down} marks the first point of each stroke (chargen.proto), so input
 *   starting pen-up has no stroke to belong to;</li>
 *   <li>pressure in [{@value #MIN_PRESSURE}, {@value #MAX_PRESSURE}]: DigiLeTs holds small negative pressures down to
 *   −0.156 (sensor offset), and tablets calibrated to 0..1 overshoot slightly; beyond these bounds the value is not
 *   a pressure reading but a client bug;</li>
 *   <li>|x|, |y| at most {@value #MAX_ABS_COORDINATE}: coordinates are scaled to about 0..1; far larger finite
 *   values would overflow squared distances downstream;</li>
 *   <li>{@code t} (seconds from the first point) is non-negative and never decreases;</li>
 *   <li>non-numbers (e.g. the string {@code "NaN"}) and non-finite numbers (e.g. {@code 1e400}, parsed as infinity)
 *   are rejected.</li>
 * </ul>
 * Unknown fields are ignored, so clients may send more than this service uses.
 */
public final class PenInputValidator {
  /** Most points per trajectory. */
  public static final int MAX_POINTS = 2_000;
  /** Longest label in characters: concepts are letters, new ones get short names. */
  public static final int MAX_LABEL_LENGTH = 8;
  /** Longest writer or device name in characters. */
  public static final int MAX_NAME_LENGTH = 64;
  /** Lowest pressure accepted (DigiLeTs goes down to −0.156). */
  public static final double MIN_PRESSURE = -0.5;
  /** Highest pressure accepted. */
  public static final double MAX_PRESSURE = 1.5;
  /** Largest absolute coordinate accepted. */
  public static final double MAX_ABS_COORDINATE = 1e6;
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
    return new PenInput(label, writer, device, points(array));
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
   * @return the label
   * @throws InvalidPenInputException if missing, blank, too long or containing whitespace
   */
  public String label(Object value) throws InvalidPenInputException {
    if (value == null) {
      throw new InvalidPenInputException("label is missing");
    }
    if (!(value instanceof String label)) {
      throw new InvalidPenInputException("label = " + quote(value) + " is not a string");
    }
    if (label.isBlank()) {
      throw new InvalidPenInputException("label = " + quote(label) + " is blank");
    }
    if (label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
      throw new InvalidPenInputException("label = " + quote(label) + " is longer than " + MAX_LABEL_LENGTH
          + " characters");
    }
    if (label.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new InvalidPenInputException("label = " + quote(label) + " contains whitespace or control characters");
    }
    return label;
  }

  /**
   * @param array the {@code points} array
   * @return the points
   * @throws InvalidPenInputException naming the first bad point's field and value
   */
  public List<PenPoint> points(JsonArray array) throws InvalidPenInputException {
    if (array.isEmpty()) {
      throw new InvalidPenInputException("points is empty");
    }
    if (array.size() > MAX_POINTS) {
      throw new InvalidPenInputException("points has " + array.size() + " entries; at most " + MAX_POINTS);
    }
    List<PenPoint> points = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      points.add(point(array.getValue(i), i, points.isEmpty() ? null : points.get(i - 1)));
    }
    return points;
  }

  private static PenPoint point(Object value, int i, PenPoint previous) throws InvalidPenInputException {
    String at = "points[" + i + "]";
    if (!(value instanceof JsonObject json)) {
      throw new InvalidPenInputException(at + " = " + quote(value) + " is not an object");
    }
    double x = number(json, at + ".x", -MAX_ABS_COORDINATE, MAX_ABS_COORDINATE);
    double y = number(json, at + ".y", -MAX_ABS_COORDINATE, MAX_ABS_COORDINATE);
    double pressure = number(json, at + ".pressure", MIN_PRESSURE, MAX_PRESSURE);
    double t = number(json, at + ".t", 0, Double.MAX_VALUE);
    Object down = json.getValue("down");
    if (!(down instanceof Boolean penDown)) {
      throw new InvalidPenInputException(at + ".down = " + quote(down) + " is not a boolean");
    }
    if (previous == null && !penDown) {
      throw new InvalidPenInputException(at + ".down = false: the first point must be pen-down");
    }
    if (previous != null && t < previous.getT()) {
      throw new InvalidPenInputException(at + ".t = " + t + " goes backwards from points[" + (i - 1) + "].t = "
          + previous.getT());
    }
    return PenPoint.newBuilder().setX(x).setY(y).setPressure(pressure).setDown(penDown).setT(t).build();
  }

  private static double number(JsonObject json, String field, double min, double max)
      throws InvalidPenInputException {
    Object value = json.getValue(field.substring(field.lastIndexOf('.') + 1));
    if (!(value instanceof Number number)) {
      throw new InvalidPenInputException(field + " = " + quote(value) + " is not a number");
    }
    double d = number.doubleValue();
    if (!Double.isFinite(d)) {
      throw new InvalidPenInputException(field + " = " + d + " is not finite");
    }
    if (d < min || d > max) {
      throw new InvalidPenInputException(field + " = " + d + " is outside [" + (min == 0 ? "0" : min) + ", "
          + (max == Double.MAX_VALUE ? "∞" : max) + "]");
    }
    return d;
  }

  private static String name(JsonObject json, String field) throws InvalidPenInputException {
    Object value = json.getValue(field);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String name)) {
      throw new InvalidPenInputException(field + " = " + quote(value) + " is not a string");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidPenInputException(field + " = " + quote(name) + " is longer than " + MAX_NAME_LENGTH
          + " characters");
    }
    return name;
  }

  private static String quote(Object value) {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }
}
