package io.chargen.model.optim;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, Alg. 7.4/7.5) with a strong-Wolfe line search
 * ({@link StrongWolfe}), minimising an {@link Objective} within a budget of function evaluations. It is PyTorch's
 * {@code torch.optim.LBFGS(line_search_fn="strong_wolfe")} with its defaults (history 100, first step
 * min(1, 1/|g|₁), tolerances 1e-7 on the gradient and 1e-9 on changes), ported step for step so that the same
 * budget buys the same progress (issue 13); the one difference is that the budget is never exceeded, where PyTorch
 * checks it only after a whole line search. Used as the fast one-shot schedule (Fabi et al. 2020, Sec. 3.1).
 */
public final class Lbfgs {
  /** Correction pairs kept: PyTorch's default {@code history_size}. */
  public static final int DEFAULT_HISTORY = 100;
  /** Stop when the gradient's max-norm falls to this: PyTorch's default {@code tolerance_grad}. */
  private static final double GRADIENT_TOLERANCE = 1e-7;
  /** Stop when a step, the loss change or the directional derivative is this small: {@code tolerance_change}. */
  private static final double CHANGE_TOLERANCE = StrongWolfe.TOLERANCE_CHANGE;

  private final int history;
  private final int maxEvaluations;

  /**
   * @param maxEvaluations the budget of objective evaluations
   * @param history correction pairs kept
   */
  public Lbfgs(int maxEvaluations, int history) {
    if (maxEvaluations < 1 || history < 1) {
      throw new IllegalArgumentException("maxEvaluations and history must be >= 1, got " + maxEvaluations
          + " and " + history);
    }
    this.maxEvaluations = maxEvaluations;
    this.history = history;
  }

  /**
   * Minimises from {@code params}, which is updated in place to the point reached.
   *
   * @param objective the function
   * @param params start point; on return the point reached (never worse than the start)
   * @return the objective value at the returned point
   */
  public double minimize(Objective objective, float[] params) {
    int n = params.length;
    History memory = new History(history, n);
    float[] gradient = new float[n];
    double value = objective.evaluate(params, gradient);
    int evaluations = 1;
    float[] direction = new float[n];
    boolean first = true;
    while (evaluations < maxEvaluations && maxAbs(gradient) > GRADIENT_TOLERANCE) {
      memory.direction(gradient, direction);
      double slope = dot(gradient, direction);
      if (slope > -CHANGE_TOLERANCE) {
        break;
      }
      double initialStep = first ? Math.min(1, 1 / sumAbs(gradient)) : 1;
      StrongWolfe.Step step = new StrongWolfe(objective, params, direction)
          .search(value, gradient, initialStep, slope, maxEvaluations - evaluations);
      evaluations += step.evaluations();
      memory.add(direction, step.t(), gradient, step.gradient());
      for (int i = 0; i < n; i++) {
        params[i] = (float) (params[i] + step.t() * direction[i]);
      }
      double change = Math.abs(step.value() - value);
      value = step.value();
      gradient = step.gradient();
      first = false;
      if (step.t() * maxAbs(direction) <= CHANGE_TOLERANCE || change < CHANGE_TOLERANCE) {
        break;
      }
    }
    return value;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double sumAbs(float[] a) {
    double s = 0;
    for (float v : a) {
      s += Math.abs(v);
    }
    return s;
  }
}
