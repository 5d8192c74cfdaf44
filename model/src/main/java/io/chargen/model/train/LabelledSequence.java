package io.chargen.model.train;

import io.chargen.model.StrokeSequence;

/**
 * A training sample: a concept label and a letter in the network's space.
 *
 * @param label the concept
 * @param sequence the letter
 */
public record LabelledSequence(String label, StrokeSequence sequence) {}
