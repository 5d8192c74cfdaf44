package io.chargen.model.learn;

import io.chargen.model.optim.Adam;
import io.chargen.model.optim.Lbfgs;
import io.chargen.model.optim.Objective;
import java.util.Locale;

/**
 * How a new concept's code is optimised (Fabi et al. 2020, Sec. 3.1).
 *
 * @param name command-line name
 * @param method the optimiser
 * @param budget Adam steps, or L-BFGS gradient evaluations
 * @param learningRate Adam's step size (unused by L-BFGS)
 */
public record OneShotSchedule(String name, Method method, int budget, double learningRate) {
  /** The optimisers. */
  public enum Method { ADAM, LBFGS }

  /** The paper's schedule: Adam, lr 0.001, 1000 steps per letter. */
  public static final OneShotSchedule PAPER = new OneShotSchedule("paper", Method.ADAM, 1000, 0.001);
  /**
   * The default: L-BFGS with 60 gradient evaluations. A PyTorch re-implementation reached the paper's quality (MSE
   * 0.042) in about 30 evaluations and 0.025 in about 110 (data README); 60 buys margin below 0.042 at a fraction of
   * the paper's 1000 steps.
   */
  public static final OneShotSchedule FAST = new OneShotSchedule("fast", Method.LBFGS, 60, 0);

  /** Validates the budget. */
  public OneShotSchedule {
    if (budget < 1) {
      throw new IllegalArgumentException("one-shot budget must be >= 1, got " + budget);
    }
  }

  /**
   * @param name {@code paper} or {@code fast}
   * @return the schedule
   * @throws IllegalArgumentException naming the unknown schedule
   */
  public static OneShotSchedule byName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "paper" -> PAPER;
      case "fast" -> FAST;
      default -> throw new IllegalArgumentException("unknown one-shot schedule '" + name + "'; known: fast, paper");
    };
  }

  /**
   * Minimises an objective in place with this schedule's optimiser and budget.
   *
   * @param objective loss and gradient
   * @param x the starting point, overwritten with the result
   * @return the loss at the result
   */
  public double minimize(Objective objective, float[] x) {
    return switch (method) {
      case LBFGS -> new Lbfgs(budget, Lbfgs.DEFAULT_HISTORY).minimize(objective, x);
      case ADAM -> minimizeWithAdam(objective, x);
    };
  }

  private double minimizeWithAdam(Objective objective, float[] x) {
    Adam adam = new Adam(x.length, learningRate);
    float[] gradient = new float[x.length];
    for (int step = 0; step < budget; step++) {
      objective.evaluate(x, gradient);
      adam.update(x, gradient);
    }
    return objective.evaluate(x, gradient);
  }
}
