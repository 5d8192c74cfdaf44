package io.chargen.model;

/**
 * Loss and gradients of one sequence, as computed by {@link Backend#gradients}. Parts that were not requested are
 * null. Layouts match {@link LstmWeights}.
 *
 * @param loss the per-sample MSE, mean over steps and the 4 channels
 * @param input dL/dx, K values
 * @param projectedInput dL/dz, H values
 * @param codes dL/dcodes, K×H
 * @param wIh dL/dW_ih, 4H×H row-major
 * @param wHh dL/dW_hh, 4H×H row-major
 * @param wOut dL/dW_out, 4×H row-major
 */
public record Gradients(
    double loss, float[] input, float[] projectedInput, float[][] codes, float[] wIh, float[] wHh, float[] wOut) {}
