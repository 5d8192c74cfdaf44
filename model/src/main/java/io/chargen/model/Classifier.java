package io.chargen.model;

import java.util.List;

/**
 * Names the concept a new letter shows (Fabi et al. 2020, Sec. 3.3). Implementations hold what they know (a model,
 * or templates) and are thread-safe.
 */
public interface Classifier {

  /** @return the method's name for results and metrics, e.g. {@code paper} or {@code dtw_1nn} */
  String name();

  /**
   * @param query the letter to identify, in the network's space
   * @param candidates the labels to choose from (all known, non-empty)
   * @return the label and a score per candidate
   * @throws IllegalArgumentException naming an unknown candidate
   */
  Classification classify(StrokeSequence query, List<String> candidates);
}
