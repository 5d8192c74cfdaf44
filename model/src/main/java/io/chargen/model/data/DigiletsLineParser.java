package io.chargen.model.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the two line kinds of a DigiLeTs file (data/README.md, "Files"): a point line of {@code x y pressure
 * pen_down t} groups and a 62-long one-hot label line. Every problem becomes a {@link DigiletsFormatException}
 * naming file, line and value; nothing is skipped or coerced.
 */
final class DigiletsLineParser {
  /** Numbers per point: x, y, pressure, pen_down, t (data/README.md, "Files"). */
  static final int FIELDS_PER_POINT = 5;
  private static final int X = 0;
  private static final int Y = 1;
  private static final int PRESSURE = 2;
  private static final int PEN_DOWN = 3;
  private static final int TIME = 4;
  private static final String[] FIELD_NAMES = {"x", "y", "pressure", "pen_down", "t"};
  /** Longest line excerpt quoted in an error message; a point line can hold 1000 numbers. */
  private static final int MAX_QUOTED_CHARS = 80;

  private final Path file;

  DigiletsLineParser(Path file) {
    this.file = file;
  }

  /** Parses a point line into points; the line must hold a positive multiple of 5 finite numbers. */
  List<PenPoint> parsePoints(String line, int lineNumber) throws DigiletsFormatException {
    String[] fields = split(line);
    if (fields.length == 0) {
      throw new DigiletsFormatException(file, lineNumber, "empty sample line (expected points)", line);
    }
    if (fields.length % FIELDS_PER_POINT != 0) {
      throw new DigiletsFormatException(file, lineNumber, "point line has " + fields.length
          + " numbers, not a multiple of " + FIELDS_PER_POINT, abbreviate(line));
    }
    List<PenPoint> points = new ArrayList<>(fields.length / FIELDS_PER_POINT);
    double[] v = new double[FIELDS_PER_POINT];
    for (int p = 0; p < fields.length / FIELDS_PER_POINT; p++) {
      for (int f = 0; f < FIELDS_PER_POINT; f++) {
        String what = FIELD_NAMES[f] + " of point " + p;
        v[f] = parseFinite(fields[p * FIELDS_PER_POINT + f], what, lineNumber);
      }
      points.add(new PenPoint(v[X], v[Y], v[PRESSURE], parsePenDown(v[PEN_DOWN], p, lineNumber), v[TIME]));
    }
    return points;
  }

  /** Parses a label line: exactly {@code LABEL_ALPHABET.length()} numbers, all 0 except one 1. */
  char parseLabel(String line, int lineNumber) throws DigiletsFormatException {
    String[] fields = split(line);
    String alphabet = DigiletsReader.LABEL_ALPHABET;
    if (fields.length != alphabet.length()) {
      throw new DigiletsFormatException(file, lineNumber, "label line has " + fields.length
          + " numbers, expected a one-hot vector of " + alphabet.length(), abbreviate(line));
    }
    int hot = -1;
    for (int i = 0; i < fields.length; i++) {
      double v = parseFinite(fields[i], "label entry " + i, lineNumber);
      if (v != 0 && v != 1) {
        throw new DigiletsFormatException(file, lineNumber, "label entry " + i + " is neither 0 nor 1", fields[i]);
      }
      if (v == 1) {
        if (hot >= 0) {
          throw new DigiletsFormatException(file, lineNumber,
              "label line is not one-hot: entries " + hot + " and " + i + " are both 1", fields[i]);
        }
        hot = i;
      }
    }
    if (hot < 0) {
      throw new DigiletsFormatException(file, lineNumber, "label line is not one-hot: no entry is 1",
          abbreviate(line));
    }
    return alphabet.charAt(hot);
  }

  private boolean parsePenDown(double value, int point, int lineNumber) throws DigiletsFormatException {
    if (value != 0 && value != 1) {
      throw new DigiletsFormatException(file, lineNumber,
          "pen_down of point " + point + " is neither 0 nor 1", Double.toString(value));
    }
    return value == 1;
  }

  private double parseFinite(String field, String what, int lineNumber) throws DigiletsFormatException {
    double value;
    try {
      value = Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw new DigiletsFormatException(file, lineNumber, what + " is not a number", field);
    }
    if (!Double.isFinite(value)) {
      throw new DigiletsFormatException(file, lineNumber, what + " is not finite", field);
    }
    return value;
  }

  private static String[] split(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
  }

  private static String abbreviate(String line) {
    return line.length() <= MAX_QUOTED_CHARS ? line : line.substring(0, MAX_QUOTED_CHARS) + "…";
  }
}
