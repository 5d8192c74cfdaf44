package io.chargen.service;

import io.chargen.model.Names;
import io.chargen.model.data.Transform;
import io.chargen.proto.v1.PenPoint;
import io.chargen.proto.v1.Trajectory;
import java.util.List;

/**
 * The one set of limits for a trajectory, checked wherever one enters: capture's HTTP and WebSocket input, and the
 * learner's and classifier's Kafka input (a record written by anything else gets the same verdict). Every rejection
 * throws {@link IllegalArgumentException} naming the field and the value. Rules and why:
 * <ul>
 *   <li>{@value #MIN_POINTS}..{@value #MAX_POINTS} points: the authors' transform drops the last point and needs one
 *   step left; DigiLeTs letters have a few hundred samples, so the maximum leaves room for slow writers while
 *   bounding the work one trajectory can cause;</li>
 *   <li>the first point is pen-down: {@code down} marks the first point of each stroke (chargen.proto);</li>
 *   <li>pressure in [{@value #MIN_PRESSURE}, {@value #MAX_PRESSURE}]: DigiLeTs holds small negative pressures down to
 *   −0.156 (sensor offset), and tablets calibrated to 0..1 overshoot slightly;</li>
 *   <li>|x|, |y| at most {@value #MAX_ABS_COORDINATE}: coordinates are scaled to about 0..1; far larger finite values
 *   overflow squared distances downstream;</li>
 *   <li>{@code t} (seconds from the first point) is finite, non-negative and never decreases;</li>
 *   <li>labels and writer names follow {@link Names} (issue 12: NFC, letters and digits of any script plus
 *   {@code -}/{@code _}, no control, format or bidi characters; labels at most {@value Names#MAX_LABEL_LENGTH},
 *   never starting with {@code @}; writers at most {@value Names#MAX_WRITER_LENGTH}); on Kafka a label or writer
 *   must already be in NFC (capture normalises it); device names at most {@value #MAX_NAME_LENGTH} characters
 *   without control or format characters.</li>
 * </ul>
 */
public final class TrajectoryLimits {
  /** Fewest points: the transform drops {@link Transform#DROPPED_TAIL_POINTS} and needs one step left. */
  public static final int MIN_POINTS = Transform.DROPPED_TAIL_POINTS + 1;
  /** Most points per trajectory. */
  public static final int MAX_POINTS = 2_000;
  /** Longest device name in characters. */
  public static final int MAX_NAME_LENGTH = 64;
  /** Lowest pressure accepted (DigiLeTs goes down to −0.156). */
  public static final double MIN_PRESSURE = -0.5;
  /** Highest pressure accepted. */
  public static final double MAX_PRESSURE = 1.5;
  /** Largest absolute coordinate accepted. */
  public static final double MAX_ABS_COORDINATE = 1e6;

  private TrajectoryLimits() {}

  /**
   * @param trajectory a trajectory from any source
   * @param labelRequired true for examples
   * @throws IllegalArgumentException naming the first bad field and its value
   */
  public static void check(Trajectory trajectory, boolean labelRequired) {
    if (trajectory.getId().isBlank()) {
      throw new IllegalArgumentException("id is empty; a trajectory needs an id to be handled exactly once");
    }
    if (labelRequired) {
      checkLabel(trajectory.getLabel());
    }
    requireNormalised("writer", trajectory.getWriter(), Names.writer("writer", trajectory.getWriter()));
    checkDevice(trajectory.getDevice());
    checkPoints(trajectory.getPointsList());
  }

  /**
   * @param label a concept's label as read from a record
   * @throws IllegalArgumentException (an {@link io.chargen.model.InvalidNameException}) if it breaks the
   *     {@link Names#label} rules or is not in NFC
   */
  public static void checkLabel(String label) {
    requireNormalised("label", label, Names.label("label", label));
  }

  /**
   * @param device a device name
   * @throws IllegalArgumentException if longer than {@value #MAX_NAME_LENGTH} or holding control or format characters
   */
  public static void checkDevice(String device) {
    if (device.codePointCount(0, device.length()) > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("device " + Names.excerpt(device) + " is longer than " + MAX_NAME_LENGTH
          + " characters");
    }
    if (device.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT)) {
      throw new IllegalArgumentException("device " + Names.excerpt(device) + " holds control or format characters");
    }
  }

  private static void requireNormalised(String field, String value, String normalised) {
    if (!normalised.equals(value)) {
      throw new IllegalArgumentException(field + " " + Names.excerpt(value) + " is not in Unicode NFC");
    }
  }

  /** @param points pen samples @throws IllegalArgumentException naming the first bad point's field and value */
  public static void checkPoints(List<PenPoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("points is empty");
    }
    if (points.size() < MIN_POINTS || points.size() > MAX_POINTS) {
      throw new IllegalArgumentException("points has " + points.size() + " entries; allowed " + MIN_POINTS + ".."
          + MAX_POINTS);
    }
    for (int i = 0; i < points.size(); i++) {
      PenPoint p = points.get(i);
      String at = "points[" + i + "]";
      range(at + ".x", p.getX(), -MAX_ABS_COORDINATE, MAX_ABS_COORDINATE);
      range(at + ".y", p.getY(), -MAX_ABS_COORDINATE, MAX_ABS_COORDINATE);
      range(at + ".pressure", p.getPressure(), MIN_PRESSURE, MAX_PRESSURE);
      range(at + ".t", p.getT(), 0, Double.MAX_VALUE);
      if (i == 0 && !p.getDown()) {
        throw new IllegalArgumentException(at + ".down = false: the first point must be pen-down");
      }
      if (i > 0 && p.getT() < points.get(i - 1).getT()) {
        throw new IllegalArgumentException(at + ".t = " + p.getT() + " goes backwards from points[" + (i - 1)
            + "].t = " + points.get(i - 1).getT());
      }
    }
  }

  private static void range(String field, double value, double min, double max) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " = " + value + " is not finite");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " = " + value + " is outside [" + (min == 0 ? "0" : min) + ", "
          + (max == Double.MAX_VALUE ? "∞" : max) + "]");
    }
  }
}
