package io.chargen.model.data;

/**
 * One recorded pen point, as stored in a DigiLeTs file (data/README.md, "Files": {@code x y pressure pen_down t})
 * or as sent by a tablet during live input.
 *
 * <p>Coordinates are tablet units scaled to about 0..1 with y growing upwards (the recordings show it: drawn with y
 * downwards their u is an arch and their d a q; the data README says otherwise). Pressure is not range-checked
 * (a generated letter may overshoot 0..1), only required to be finite.
 *
 * @param x horizontal position
 * @param y vertical position, growing upwards
 * @param pressure pen pressure, about 0..1
 * @param penDown true on the first point of each stroke (the file's {@code pen_down = 1})
 * @param t seconds since the first point of the letter
 */
public record PenPoint(double x, double y, double pressure, boolean penDown, double t) {

  /**
   * Validates the point.
   *
   * @throws IllegalArgumentException if a number is NaN or infinite; the message names the field and value
   */
  public PenPoint {
    requireFinite("x", x);
    requireFinite("y", y);
    requireFinite("pressure", pressure);
    requireFinite("t", t);
  }

  private static void requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("pen point " + field + " must be finite, got " + value);
    }
  }
}
