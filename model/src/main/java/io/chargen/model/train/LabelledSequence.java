package io.chargen.model.train;

import io.chargen.model.StrokeSequence;
import java.util.Objects;

/**
 * A training sample: a concept label, optionally the writer's style concept, and a letter in the network's space.
 * The network's input is the letter's one-hot plus, with a style, the style's one-hot: since the input layer has no
 * bias, that is the same as feeding a writer one-hot through a linear layer of its own (issue 7).
 *
 * @param label the letter concept
 * @param style the writer's style concept (e.g. {@code @002-f-22-right}), or null for the paper's letter-only input
 * @param sequence the letter
 */
public record LabelledSequence(String label, String style, StrokeSequence sequence) {
  /** Requires a label and a sequence. */
  public LabelledSequence {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(sequence, "sequence");
  }

  /**
   * A sample of the paper's letter-only input.
   *
   * @param label the letter concept
   * @param sequence the letter
   */
  public LabelledSequence(String label, StrokeSequence sequence) {
    this(label, null, sequence);
  }
}
