package io.chargen.model.learn;

/**
 * The outcome of learning one concept (Fabi et al. 2020, Sec. 3.1).
 *
 * @param label the concept
 * @param code the learned H-dimensional code
 * @param lossBefore MSE of the regeneration from the starting code ("no inference")
 * @param lossAfter MSE of the regeneration from the learned code
 * @param evaluations gradient evaluations spent
 */
public record OneShotResult(String label, float[] code, double lossBefore, double lossAfter, int evaluations) {}
