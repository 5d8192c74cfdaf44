package io.chargen.launcher.figures;

import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Letter-like test fixtures: polylines turned into (dx, dy, pressure, stroke-onset) steps with the data README's
 * transform (dx, dy divided by their largest magnitude; pressure rising and falling along each stroke).
 */
final class SyntheticLetters {
  private SyntheticLetters() {
  }

  /** @param strokes each stroke a list of (x, y) points */
  static StrokeSequence fromStrokes(List<double[][]> strokes) {
    List<float[]> steps = new ArrayList<>();
    double px = strokes.get(0)[0][0];
    double py = strokes.get(0)[0][1];
    for (double[][] stroke : strokes) {
      for (int i = 0; i < stroke.length; i++) {
        float pressure = (float) (0.3 + 0.7 * Math.sin(Math.PI * (i + 0.5) / stroke.length));
        steps.add(new float[] {(float) (stroke[i][0] - px), (float) (stroke[i][1] - py), pressure, i == 0 ? 1 : 0});
        px = stroke[i][0];
        py = stroke[i][1];
      }
    }
    double max = 1e-9;
    for (float[] s : steps) {
      max = Math.max(max, Math.max(Math.abs(s[0]), Math.abs(s[1])));
    }
    for (float[] s : steps) {
      s[0] /= max;
      s[1] /= max;
    }
    return StrokeSequence.ofSteps(steps.toArray(new float[0][]));
  }

  /** A horizontal line at y = 0 from x = 0 to 10 in one stroke, or two strokes with a pen-up gap 4..6. */
  static StrokeSequence horizontal(boolean withGap) {
    double[][] left = line(0, 0, withGap ? 4 : 10, 0, withGap ? 5 : 11);
    if (!withGap) {
      return fromStrokes(List.<double[][]>of(left));
    }
    return fromStrokes(List.of(left, line(6, 0, 10, 0, 5)));
  }

  static double[][] line(double x0, double y0, double x1, double y1, int points) {
    double[][] p = new double[points][];
    for (int i = 0; i < points; i++) {
      double f = i / (points - 1.0);
      p[i] = new double[] {x0 + f * (x1 - x0), y0 + f * (y1 - y0)};
    }
    return p;
  }

  /** An arc of the ellipse centred (cx, cy), radii (rx, ry), from angle a0 to a1 (radians, y down). */
  static double[][] arc(double cx, double cy, double rx, double ry, double a0, double a1, int points) {
    double[][] p = new double[points][];
    for (int i = 0; i < points; i++) {
      double a = a0 + (a1 - a0) * i / (points - 1.0);
      p[i] = new double[] {cx + rx * Math.cos(a), cy + ry * Math.sin(a)};
    }
    return p;
  }

  /** A handwritten-looking "a": a bowl and a down-stroke. */
  static StrokeSequence a(double wobble) {
    return fromStrokes(List.of(arc(0, 0, 1 + wobble, 1, -0.3, -0.3 - 2 * Math.PI, 28),
        line(1 + wobble, -1.1, 1.1 + wobble, 1.1, 9)));
  }

  /** A "b": a tall stem and a bowl at its foot. */
  static StrokeSequence b(double wobble) {
    return fromStrokes(List.of(line(-1, -3, -1 + wobble, 1, 14), arc(0, 0, 1, 1 + wobble, Math.PI, -Math.PI, 26)));
  }

  /** A "t": a stem with a curl and a cross-bar (two strokes). */
  static StrokeSequence t(double wobble) {
    double[][] stem = line(0, -2.5, 0, 0.5, 12);
    double[][] curl = arc(0.6, 0.5, 0.6, 0.5, Math.PI, Math.PI / 2 + wobble, 6);
    double[][] whole = new double[stem.length + curl.length][];
    System.arraycopy(stem, 0, whole, 0, stem.length);
    System.arraycopy(curl, 0, whole, stem.length, curl.length);
    return fromStrokes(List.of(whole, line(-0.9, -1.2, 1.0, -1.3, 7)));
  }

  /** A blend-like sequence: positions interpolated between an "o" and an "l" shape. */
  static StrokeSequence blend(double w) {
    double[][] o = arc(0, 0, 1, 1, -Math.PI / 2, 1.5 * Math.PI, 30);
    double[][] l = line(0, -3, 0.3, 1, 30);
    double[][] p = new double[30][];
    for (int i = 0; i < 30; i++) {
      p[i] = new double[] {(1 - w) * o[i][0] + w * l[i][0], (1 - w) * o[i][1] + w * l[i][1]};
    }
    return fromStrokes(List.<double[][]>of(p));
  }
}
