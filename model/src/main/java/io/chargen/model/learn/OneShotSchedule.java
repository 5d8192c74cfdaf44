package io.chargen.model.learn;

import io.chargen.model.optim.Adam;
import io.chargen.model.optim.Lbfgs;
import io.chargen.model.optim.Objective;
import java.util.Locale;
import java.util.Objects;

/**
 * How a new concept's code is optimised (Fabi et al. 2020, Sec. 3.1).
 *
 * @param name command-line name
 * @param method the optimiser
 * @param budget Adam steps or L-BFGS gradient evaluations: per letter, or, when {@code shared}, for all the letters
 *     learned together, split evenly
 * @param shared whether the budget is for all letters learned together rather than for each
 * @param learningRate Adam's step size (unused by L-BFGS)
 * @param prior where the search starts and what keeps the learned code in the trained letters' region (issue 13)
 * @param positionWeight weight of the pen-position term added to the paper's MSE ({@link PositionLoss}; 0: the
 *     paper's loss alone)
 */
public record OneShotSchedule(String name, Method method, int budget, boolean shared, double learningRate,
    CodePrior prior, double positionWeight) {
  /** The optimisers. */
  public enum Method { ADAM, LBFGS }

  /** The paper's optimiser and step count (Sec. 3.1: Adam, lr 0.001, 1000 steps). */
  private static final int PAPER_STEPS = 1000;

  /**
   * The paper's schedule as this project reads it: Adam, lr 0.001, 1000 steps <em>per letter</em>. Learning the 13
   * letters together in one batch, as a PyTorch script would, gives every letter's code the same 1000 updates: each
   * code's gradient comes from its own letter only and Adam scales each parameter's step by its own history.
   */
  public static final OneShotSchedule PAPER = new OneShotSchedule("paper", Method.ADAM, PAPER_STEPS, false,
      Adam.PAPER_LEARNING_RATE, CodePrior.NONE, 0);
  /**
   * The other reading of the paper's budget: 1000 Adam steps in total for all the letters learned together, split
   * evenly (77 per letter for n–z), as if the letters were learned one after another within one budget.
   */
  public static final OneShotSchedule PAPER_TOTAL = new OneShotSchedule("paper-total", Method.ADAM, PAPER_STEPS,
      true, Adam.PAPER_LEARNING_RATE, CodePrior.NONE, 0);
  /**
   * L-BFGS with a strong-Wolfe line search (PyTorch's) and 60 gradient evaluations on the paper's loss, from the
   * paper's random start: the fast schedule before issue 13, kept for comparison. A PyTorch re-implementation reached
   * the paper's quality (MSE 0.042) in about 30 evaluations and 0.025 in about 110 (data README).
   */
  public static final OneShotSchedule FAST_PLAIN = new OneShotSchedule("fast-plain", Method.LBFGS, 60, false, 0,
      CodePrior.NONE, 0);
  /**
   * The default (issue 13): {@link #FAST_PLAIN}'s optimiser and budget (6–10 ms per letter in JMH on one core), starting at the
   * trained letters' mean code, with the code's norm bounded at three times the largest trained norm and a
   * pen-position term of weight 0.1 in the loss. Chosen on the training writers among the candidates of
   * docs/one-shot.md for regenerations, variants and blends of the one-shot letters; one-shot MSE stays below 0.025.
   */
  public static final OneShotSchedule FAST = new OneShotSchedule("fast", Method.LBFGS, 60, false, 0,
      new CodePrior(CodePrior.Centre.TRAINED_MEAN, CodePrior.Kind.NORM_BOUND, 1, 3), 0.1);

  /** Validates the values, naming the bad one. */
  public OneShotSchedule {
    if (budget < 1) {
      throw new IllegalArgumentException("one-shot budget must be >= 1, got " + budget);
    }
    Objects.requireNonNull(prior, "prior");
    if (!(positionWeight >= 0) || Double.isInfinite(positionWeight)) {
      throw new IllegalArgumentException("position weight must be finite and >= 0, got " + positionWeight);
    }
  }

  /**
   * A per-letter schedule with the paper's loss and no prior.
   *
   * @param name command-line name
   * @param method the optimiser
   * @param budget Adam steps, or L-BFGS gradient evaluations, per letter
   * @param learningRate Adam's step size (unused by L-BFGS)
   */
  public OneShotSchedule(String name, Method method, int budget, double learningRate) {
    this(name, method, budget, false, learningRate, CodePrior.NONE, 0);
  }

  /**
   * @param name {@code fast}, {@code fast-plain}, {@code paper} or {@code paper-total}
   * @return the schedule
   * @throws IllegalArgumentException naming the unknown schedule
   */
  public static OneShotSchedule byName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "paper" -> PAPER;
      case "paper-total" -> PAPER_TOTAL;
      case "fast" -> FAST;
      case "fast-plain" -> FAST_PLAIN;
      default -> throw new IllegalArgumentException("unknown one-shot schedule '" + name
          + "'; known: fast, fast-plain, paper, paper-total");
    };
  }

  /**
   * @param newPrior another prior
   * @return this schedule with that prior
   */
  public OneShotSchedule withPrior(CodePrior newPrior) {
    return new OneShotSchedule(name, method, budget, shared, learningRate, newPrior, positionWeight);
  }

  /**
   * @param newBudget another budget
   * @return this schedule with that budget
   */
  public OneShotSchedule withBudget(int newBudget) {
    return new OneShotSchedule(name, method, newBudget, shared, learningRate, prior, positionWeight);
  }

  /**
   * @param weight another position weight
   * @return this schedule with that weight of the pen-position term
   */
  public OneShotSchedule withPositionWeight(double weight) {
    return new OneShotSchedule(name, method, budget, shared, learningRate, prior, weight);
  }

  /**
   * @param letters how many letters are learned together
   * @return the budget of each of them: the whole budget, or its even share when the budget is shared (at least 1)
   */
  public int budgetPerLetter(int letters) {
    if (letters < 1) {
      throw new IllegalArgumentException("letters learned together must be >= 1, got " + letters);
    }
    return shared ? Math.max(1, budget / letters) : budget;
  }

  /**
   * Minimises an objective in place with this schedule's optimiser.
   *
   * @param objective loss and gradient
   * @param x the starting point, overwritten with the result
   * @param letters how many letters are learned together (splits a shared budget)
   * @return the loss at the result
   */
  public double minimize(Objective objective, float[] x, int letters) {
    int steps = budgetPerLetter(letters);
    return switch (method) {
      case LBFGS -> new Lbfgs(steps, Lbfgs.DEFAULT_HISTORY).minimize(objective, x);
      case ADAM -> minimizeWithAdam(objective, x, steps);
    };
  }

  /**
   * Minimises an objective in place with this schedule's optimiser and the budget of one letter learned alone.
   *
   * @param objective loss and gradient
   * @param x the starting point, overwritten with the result
   * @return the loss at the result
   */
  public double minimize(Objective objective, float[] x) {
    return minimize(objective, x, 1);
  }

  private double minimizeWithAdam(Objective objective, float[] x, int steps) {
    Adam adam = new Adam(x.length, learningRate);
    float[] gradient = new float[x.length];
    for (int step = 0; step < steps; step++) {
      objective.evaluate(x, gradient);
      adam.update(x, gradient);
    }
    return objective.evaluate(x, gradient);
  }
}
