package io.chargen.model;

import java.util.Map;

/**
 * A classifier's answer.
 *
 * @param label the chosen concept
 * @param scores a score per candidate (higher is more likely for the paper's method: the inferred input vector; for
 *     distance-based methods the negated distance)
 * @param method the classifier's name
 */
public record Classification(String label, Map<String, Double> scores, String method) {
  /** Freezes the scores. */
  public Classification {
    scores = Map.copyOf(scores);
  }
}
