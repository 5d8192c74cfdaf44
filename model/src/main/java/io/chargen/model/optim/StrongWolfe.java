package io.chargen.model.optim;

/**
 * A line search for a step length t along a descent direction d that satisfies the strong Wolfe conditions
 * (Nocedal and Wright, Numerical Optimization, 2nd ed., Alg. 3.5 and 3.6): sufficient decrease
 * f(x + t·d) ≤ f(x) + c1·t·g·d and curvature |g(x + t·d)·d| ≤ c2·|g·d|. A bracketing phase grows t by cubic
 * extrapolation until an interval holds such a point, then a zoom phase shrinks it by safeguarded cubic interpolation.
 * It follows PyTorch's {@code torch.optim.lbfgs._strong_wolfe} step for step, constants included, so that our L-BFGS
 * makes the same progress per evaluation as {@code LBFGS(line_search_fn="strong_wolfe")} (issue 13); unlike it, it
 * never spends more evaluations than it is given.
 */
final class StrongWolfe {
  /** Sufficient-decrease constant c1 (PyTorch and Nocedal and Wright). */
  static final double C1 = 1e-4;
  /** Curvature constant c2 for quasi-Newton directions (PyTorch and Nocedal and Wright). */
  static final double C2 = 0.9;
  /** Evaluations after the first that PyTorch allows a line search. */
  static final int MAX_ITERATIONS = 25;
  /** Stop zooming when the bracket is this small (times max|d|): PyTorch's tolerance_change. */
  static final double TOLERANCE_CHANGE = 1e-9;
  /** Trial points closer than this share of the bracket to its ends count as insufficient progress. */
  private static final double BOUNDARY_SHARE = 0.1;
  /** Extrapolation in the bracketing phase stays within [t + 0.01·(t − tPrev), 10·t]. */
  private static final double MIN_GROWTH = 0.01;
  private static final double MAX_GROWTH = 10;

  /**
   * The accepted step.
   *
   * @param t the step length (0 when no evaluated point was lower than the start)
   * @param value f(x + t·d)
   * @param gradient g(x + t·d)
   * @param evaluations objective evaluations spent
   */
  record Step(double t, double value, float[] gradient, int evaluations) {}

  /** A point on the line: its step length, value, gradient and directional derivative. */
  record Point(double t, double f, float[] g, double gtd) {}

  private final Objective objective;
  private final float[] x;
  private final float[] d;
  private final float[] trial;
  private int evaluations;

  /**
   * @param objective the function
   * @param x the start point (not modified)
   * @param d the search direction
   */
  StrongWolfe(Objective objective, float[] x, float[] d) {
    this.objective = objective;
    this.x = x;
    this.d = d;
    this.trial = new float[x.length];
  }

  /**
   * @param f f(x)
   * @param g g(x)
   * @param t the first trial step
   * @param gtd g·d, negative
   * @param budget evaluations allowed, ≥ 1
   * @return the accepted step
   */
  Step search(double f, float[] g, double t, double gtd, int budget) {
    int maxIterations = Math.min(MAX_ITERATIONS, budget - 1);
    Point start = new Point(0, f, g.clone(), gtd);
    Point previous = start;
    Point current = evaluate(t);
    Point[] bracket = null;
    int iteration = 0;
    while (iteration < maxIterations) {
      if (current.f() > f + C1 * current.t() * gtd || (iteration > 1 && current.f() >= previous.f())) {
        bracket = new Point[] {previous, current};
        break;
      }
      if (Math.abs(current.gtd()) <= -C2 * gtd) {
        return step(current);
      }
      if (current.gtd() >= 0) {
        bracket = new Point[] {previous, current};
        break;
      }
      double next = cubicMinimum(previous, current, current.t() + MIN_GROWTH * (current.t() - previous.t()),
          current.t() * MAX_GROWTH);
      previous = current;
      current = evaluate(next);
      iteration++;
    }
    if (bracket == null) {
      return step(current.f() < start.f() ? current : start);
    }
    return zoom(bracket, f, gtd, iteration, maxIterations);
  }

  private Step zoom(Point[] bracket, double f, double gtd, int iterationsSoFar, int maxIterations) {
    double dNorm = maxAbs(d);
    boolean insufficientProgress = false;
    int low = bracket[0].f() <= bracket[1].f() ? 0 : 1;
    for (int iteration = iterationsSoFar; iteration < maxIterations; iteration++) {
      double lo = Math.min(bracket[0].t(), bracket[1].t());
      double hi = Math.max(bracket[0].t(), bracket[1].t());
      if ((hi - lo) * dNorm < TOLERANCE_CHANGE) {
        break;
      }
      double t = cubicMinimum(bracket[0], bracket[1], lo, hi);
      double eps = BOUNDARY_SHARE * (hi - lo);
      if (Math.min(hi - t, t - lo) < eps) {
        if (insufficientProgress || t >= hi || t <= lo) {
          t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
          insufficientProgress = false;
        } else {
          insufficientProgress = true;
        }
      } else {
        insufficientProgress = false;
      }
      Point p = evaluate(t);
      int high = 1 - low;
      if (p.f() > f + C1 * t * gtd || p.f() >= bracket[low].f()) {
        bracket[high] = p;
        low = bracket[0].f() <= bracket[1].f() ? 0 : 1;
      } else {
        if (Math.abs(p.gtd()) <= -C2 * gtd) {
          bracket[low] = p;
          break;
        }
        if (p.gtd() * (bracket[high].t() - bracket[low].t()) >= 0) {
          bracket[high] = bracket[low];
        }
        bracket[low] = p;
      }
    }
    return step(bracket[low]);
  }

  private Step step(Point p) {
    return new Step(p.t(), p.f(), p.g(), evaluations);
  }

  private Point evaluate(double t) {
    for (int i = 0; i < x.length; i++) {
      trial[i] = (float) (x[i] + t * d[i]);
    }
    float[] g = new float[x.length];
    double f = objective.evaluate(trial, g);
    evaluations++;
    return new Point(t, f, g, Lbfgs.dot(g, d));
  }

  /**
   * The minimiser of the cubic through two points with values and slopes, clamped to [lower, upper]; their midpoint
   * when the cubic has no minimum (PyTorch's {@code _cubic_interpolate}; Nocedal and Wright, Eq. 3.59).
   */
  static double cubicMinimum(Point a, Point b, double lower, double upper) {
    double d1 = a.gtd() + b.gtd() - 3 * (a.f() - b.f()) / (a.t() - b.t());
    double d2Square = d1 * d1 - a.gtd() * b.gtd();
    if (d2Square < 0) {
      return (lower + upper) / 2;
    }
    double d2 = Math.sqrt(d2Square);
    double min = a.t() <= b.t()
        ? b.t() - (b.t() - a.t()) * ((b.gtd() + d2 - d1) / (b.gtd() - a.gtd() + 2 * d2))
        : a.t() - (a.t() - b.t()) * ((a.gtd() + d2 - d1) / (a.gtd() - b.gtd() + 2 * d2));
    return Math.min(Math.max(min, lower), upper);
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
