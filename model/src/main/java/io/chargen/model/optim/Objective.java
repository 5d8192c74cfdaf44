package io.chargen.model.optim;

/** A differentiable function of a parameter vector, as the optimisers see it. */
@FunctionalInterface
public interface Objective {
  /**
   * @param params the point (not modified)
   * @param gradient receives df/dparams
   * @return f(params)
   */
  double evaluate(float[] params, float[] gradient);
}
