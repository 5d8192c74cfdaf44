package io.chargen.model.kernel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How a batch of sequences of different lengths is laid out in time-major blocks: the sequences sorted by length,
 * longest first (ties by position), so the ones still running at step t are always the first {@code active[t]} rows,
 * and every step's rows are one contiguous block starting at global row {@code start[t]}. Nothing is padded in time.
 */
final class BatchPlan {
  /** order[row] = the sequence's index in the caller's list. */
  final int[] order;
  /** length[row]. */
  final int[] length;
  /** Steps of the longest sequence. */
  final int steps;
  /** Rows still running at step t. */
  final int[] active;
  /** First global row of step t; start[steps] = all rows. */
  final int[] start;

  BatchPlan(int[] lengths) {
    if (lengths.length == 0) {
      throw new IllegalArgumentException("a batch needs at least one sequence");
    }
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 1) {
        throw new IllegalArgumentException("sequence " + b + " has " + lengths[b] + " steps; at least 1 is needed");
      }
    }
    order = IntStream.range(0, lengths.length).boxed()
        .sorted(Comparator.comparingInt((Integer b) -> -lengths[b]).thenComparingInt(b -> b))
        .mapToInt(Integer::intValue).toArray();
    length = Arrays.stream(order).map(b -> lengths[b]).toArray();
    steps = length[0];
    active = new int[steps];
    start = new int[steps + 1];
    for (int t = 0; t < steps; t++) {
      int n = 0;
      while (n < length.length && length[n] > t) {
        n++;
      }
      active[t] = n;
      start[t + 1] = start[t] + n;
    }
  }

  /** @return the number of sequences */
  int size() {
    return order.length;
  }

  /** @return all rows of all steps */
  int rows() {
    return start[steps];
  }

  /** @return the global row of sequence {@code row} at step t (t &lt; length[row]) */
  int rowAt(int t, int row) {
    return start[t] + row;
  }
}
