package io.chargen.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One sequence of a training batch ({@link Backend#meanGradients}): its input vector, constant over time, how many
 * steps the network runs, and its target, fixed or made from the network's own output (the time-aligned MSE,
 * issue 7).
 *
 * @param input K values, the same at every step
 * @param steps steps to run (≥ 1)
 * @param targetFor maps the output (steps long) to the target (as long)
 */
public record BatchSequence(float[] input, int steps, UnaryOperator<StrokeSequence> targetFor) {
  /** Validates the step count. */
  public BatchSequence {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(targetFor, "targetFor");
    if (steps < 1) {
      throw new IllegalArgumentException("a sequence needs at least 1 step, got " + steps);
    }
  }

  /**
   * Checks a batch for {@link Backend#meanGradients}.
   *
   * @param batch the sequences
   * @param parts the requested gradients
   * @throws IllegalArgumentException if the batch is empty or a per-sequence part is asked for
   */
  public static void checkBatch(List<BatchSequence> batch, Set<GradientPart> parts) {
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one sequence");
    }
    for (GradientPart part : parts) {
      if (part == GradientPart.INPUT || part == GradientPart.PROJECTED_INPUT) {
        throw new IllegalArgumentException(part + " is a per-sequence gradient; a batch mean has only weight "
            + "gradients (INPUT_WEIGHTS, RECURRENT_WEIGHTS, OUTPUT_WEIGHTS)");
      }
    }
  }

  /**
   * Checks a group for {@link Backend#gradientsOfEach}: not empty, and input-side gradients only (each sequence's
   * weight gradients are what {@link Backend#meanGradients} is for).
   *
   * @param sequences the group
   * @param parts the requested gradients
   * @throws IllegalArgumentException naming what is wrong
   */
  public static void checkEach(List<BatchSequence> sequences, Set<GradientPart> parts) {
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException("a group needs at least one sequence");
    }
    for (GradientPart part : parts) {
      if (part != GradientPart.INPUT && part != GradientPart.PROJECTED_INPUT) {
        throw new IllegalArgumentException(part + " is a weight gradient; per sequence only INPUT and "
            + "PROJECTED_INPUT are computed (meanGradients gives a batch's weight gradients)");
      }
    }
  }

  /**
   * @param input K values, the same at every step
   * @param target the sequence to reproduce; the network runs for its length
   * @return the sequence with a fixed target
   */
  public static BatchSequence of(float[] input, StrokeSequence target) {
    return new BatchSequence(input, target.length(), output -> target);
  }
}
