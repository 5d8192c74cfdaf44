package io.chargen.model.kernel;

import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The per-sequence kernel on plain float arrays, kept as {@link FastBackend}'s fallback for JVMs started without the
 * {@code jdk.incubator.vector} module, and as an independent check of {@link VectorKernel}. The input projection is
 * computed once per sequence and every inner loop is an axpy over a contiguous row, which HotSpot's superword pass
 * vectorises. Stateless and thread-safe.
 */
final class ScalarKernel {

  Rollout run(LstmWeights weights, float[][] inputs, boolean keepStates) {
    int steps = inputs.length;
    int hidden = weights.hidden();
    Trace trace = new Trace(steps, hidden, keepStates);
    float[] projected = null;
    for (int t = 0; t < steps; t++) {
      if (t == 0 || !Arrays.equals(inputs[t], inputs[t - 1])) {
        projected = inputProjection(weights, weights.project(inputs[t]));
      }
      trace.step(weights, projected, t);
    }
    return new Rollout(StrokeSequence.of(trace.output), trace.cellStates(), trace.hiddenStates());
  }

  /** One forward pass serves both the target (from the output) and backpropagation. */
  Gradients gradients(LstmWeights weights, float[] input, int steps, UnaryOperator<StrokeSequence> targetFor,
      Set<GradientPart> parts) {
    int hidden = weights.hidden();
    float[] z = weights.project(input);
    float[] projected = inputProjection(weights, z);
    Trace trace = new Trace(steps, hidden, true);
    for (int t = 0; t < steps; t++) {
      trace.step(weights, projected, t);
    }
    StrokeSequence target = targetFor.apply(StrokeSequence.of(trace.output.clone()));
    Backward backward = new Backward(weights, trace, target, parts);
    backward.run();
    float[] dz = backward.projectedInputGradient();
    float[] dx = parts.contains(GradientPart.INPUT) ? inputGradient(weights, dz) : null;
    float[][] dCodes = parts.contains(GradientPart.INPUT_WEIGHTS) ? codeGradients(input, dz) : null;
    float[] dWih = parts.contains(GradientPart.RECURRENT_WEIGHTS) ? outer(backward.gateSum, z) : null;
    return new Gradients(backward.loss, dx,
        parts.contains(GradientPart.PROJECTED_INPUT) ? dz : null, dCodes, dWih, backward.dWhh, backward.dWout);
  }

  /** W_ih·z, 4H values, via the transposed matrix so the loop is an axpy. */
  private static float[] inputProjection(LstmWeights weights, float[] z) {
    int gates = LstmWeights.GATES * weights.hidden();
    float[] result = new float[gates];
    Kernels.addTransposedProduct(weights.wIhTransposed(), z, result, gates);
    return result;
  }

  /** dL/dx = codes·dz, K values (shared with {@link VectorKernel}). */
  static float[] inputGradient(LstmWeights weights, float[] dz) {
    float[] dx = new float[weights.concepts()];
    for (int k = 0; k < dx.length; k++) {
      float[] code = weights.code(k);
      double sum = 0;
      for (int j = 0; j < dz.length; j++) {
        sum += code[j] * dz[j];
      }
      dx[k] = (float) sum;
    }
    return dx;
  }

  /** dL/dcodes = x ⊗ dz, K × H (shared with {@link VectorKernel}). */
  static float[][] codeGradients(float[] input, float[] dz) {
    float[][] d = new float[input.length][dz.length];
    for (int k = 0; k < input.length; k++) {
      for (int j = 0; j < dz.length; j++) {
        d[k][j] = input[k] * dz[j];
      }
    }
    return d;
  }

  private static float[] outer(float[] rows, float[] cols) {
    float[] m = new float[rows.length * cols.length];
    for (int r = 0; r < rows.length; r++) {
      Kernels.axpy(rows[r], cols, 0, m, r * cols.length, cols.length);
    }
    return m;
  }
}
