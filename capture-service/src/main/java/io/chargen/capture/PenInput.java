package io.chargen.capture;

import io.chargen.proto.v1.PenPoint;
import java.util.List;

/**
 * Pen input that passed {@link PenInputValidator}: every value finite and in range, time never going backwards.
 *
 * @param label the concept for examples; empty for queries
 * @param writer who wrote it; may be empty
 * @param device the source device, e.g. {@code tablet-7}; may be empty
 * @param points the pen samples, the first one pen-down
 */
public record PenInput(String label, String writer, String device, List<PenPoint> points) {
  /** Copies the points. */
  public PenInput {
    points = List.copyOf(points);
  }
}
