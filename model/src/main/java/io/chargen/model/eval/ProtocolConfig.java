package io.chargen.model.eval;

import io.chargen.model.learn.OneShotSchedule;
import java.util.List;

/**
 * Settings of the paper's evaluation protocol (Fabi et al. 2020, Sec. 3; data README, "Reference numbers").
 *
 * @param schedules one-shot schedules to measure; the first also learns the concepts that classification uses and
 *     the untrained baseline
 * @param newLetters the letters learned one-shot (the paper: n–z)
 * @param classifySteps input-inference steps of the paper's classifier (the paper: 1000)
 * @param seed seeds starting codes and the untrained model
 */
public record ProtocolConfig(List<OneShotSchedule> schedules, List<Character> newLetters, int classifySteps,
    long seed) {
  /** The instance every letter is learned from. */
  public static final int LEARN_INSTANCE = 0;
  /** First and last instance classified within a writer. */
  public static final int FIRST_QUERY_INSTANCE = 1;
  /** Last instance classified within a writer. */
  public static final int LAST_QUERY_INSTANCE = 4;

  /** Validates the values. */
  public ProtocolConfig {
    if (schedules.isEmpty()) {
      throw new IllegalArgumentException("need at least one one-shot schedule");
    }
    if (newLetters.size() < 2) {
      throw new IllegalArgumentException("need at least two new letters to classify, got " + newLetters);
    }
    schedules = List.copyOf(schedules);
    newLetters = List.copyOf(newLetters);
  }
}
