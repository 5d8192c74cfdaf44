package io.chargen.model.data;

import java.util.List;
import java.util.Objects;

/**
 * A raw recorded letter: one sample of the DigiLeTs data (data/README.md, "Files"), before the authors' transform.
 *
 * @param label the character written, one of {@link DigiletsReader#LABEL_ALPHABET}
 * @param writer the writer's id, the file-name prefix before the first {@code _}, e.g. {@code 002-f-22-right}
 * @param instance 0-based repetition of this letter by this writer (the data holds instances 0..4)
 * @param points the recorded points in time order; never empty; copied
 */
public record PenSample(char label, String writer, int instance, List<PenPoint> points) {

  /**
   * Validates and copies the sample.
   *
   * @throws IllegalArgumentException if the label is outside the DigiLeTs alphabet, the writer is blank, the
   *     instance is negative or there are no points; the message names the field and value
   * @throws NullPointerException if the writer, the point list or a point is null
   */
  public PenSample {
    if (DigiletsReader.LABEL_ALPHABET.indexOf(label) < 0) {
      throw new IllegalArgumentException(
          "pen sample label must be one of " + DigiletsReader.LABEL_ALPHABET + ", got '" + label + "'");
    }
    Objects.requireNonNull(writer, "pen sample writer");
    if (writer.isBlank()) {
      throw new IllegalArgumentException("pen sample writer must not be blank, got '" + writer + "'");
    }
    if (instance < 0) {
      throw new IllegalArgumentException("pen sample instance must be >= 0, got " + instance);
    }
    points = List.copyOf(Objects.requireNonNull(points, "pen sample points"));
    if (points.isEmpty()) {
      throw new IllegalArgumentException(
          "pen sample points must not be empty, got 0 points for '" + label + "' of " + writer);
    }
  }

  /** @return the number of recorded points */
  public int length() {
    return points.size();
  }
}
