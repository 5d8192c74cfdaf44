package io.chargen.model.kernel;

import io.chargen.model.BatchSequence;
import io.chargen.model.GradientPart;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import java.util.List;
import java.util.Set;

/**
 * Loss and gradients of a group of sequences computed together: inputs projected in one product, the forward and
 * backward passes over time-major blocks ({@link BatchForward}, {@link BatchBackward}), then the input-side
 * gradients, which are products with Σ_t dL/da_t because each input is constant over its sequence. Each
 * sequence's loss is the paper's MSE over its own length, multiplied by its {@code weight} (1/B for a batch mean).
 * Results stay in the padded layout until {@link VectorKernel} unpads them.
 */
final class BatchGradient {
  private static final int CH = StrokeSequence.CHANNELS;

  final PackedWeights w;
  final BatchPlan plan;
  /** The inputs, plan rows × K. */
  final float[] inputs;
  /** z = codes·x, plan rows × padded. */
  final float[] projectedInput;
  /** Each sequence's loss (unweighted), by plan row. */
  final double[] loss;
  final BatchForward forward;
  final BatchBackward backward;
  private final int concepts;

  BatchGradient(LstmWeights weights, List<BatchSequence> sequences, float weight, Set<GradientPart> parts) {
    w = PackedWeights.of(weights);
    concepts = weights.concepts();
    plan = new BatchPlan(sequences.stream().mapToInt(BatchSequence::steps).toArray());
    int size = plan.size();
    inputs = new float[size * concepts];
    projectedInput = new float[size * w.padded];
    for (int b = 0; b < size; b++) {
      float[] x = sequences.get(plan.order[b]).input();
      System.arraycopy(x, 0, inputs, b * concepts, concepts);
      System.arraycopy(weights.project(x), 0, projectedInput, b * w.padded, w.hidden);
    }
    float[] projected = new float[size * w.gates];
    Gemm.multiplyAdd(Gemm.Operand.rows(projectedInput, 0, w.padded), w.inputT, 0, w.gates, projected, 0, w.gates,
        size, w.hidden, w.gates / Gemm.LANES);
    forward = new BatchForward(w, plan, projected, false).run();
    loss = new double[size];
    float[] dy = outputGradients(sequences, weight);
    backward = new BatchBackward(forward, dy, parts.contains(GradientPart.RECURRENT_WEIGHTS),
        parts.contains(GradientPart.OUTPUT_WEIGHTS)).run();
  }

  /** dL/dy = weight · 2/(4T) · (y − target) per output, and each sequence's MSE. */
  private float[] outputGradients(List<BatchSequence> sequences, float weight) {
    float[] dy = new float[plan.rows() * CH];
    for (int b = 0; b < plan.size(); b++) {
      int steps = plan.length[b];
      StrokeSequence target = sequences.get(plan.order[b]).targetFor()
          .apply(StrokeSequence.of(forward.outputOf(b)));
      if (target.length() != steps) {
        throw new IllegalArgumentException("target of sequence " + plan.order[b] + " has " + target.length()
            + " steps, expected " + steps);
      }
      double scale = 2.0 / (steps * CH);
      double squares = 0;
      for (int t = 0; t < steps; t++) {
        int s = plan.rowAt(t, b);
        for (int ch = 0; ch < CH; ch++) {
          double diff = forward.output[s * CH + ch] - target.get(t, ch);
          squares += diff * diff;
          dy[s * CH + ch] = (float) (weight * scale * diff);
        }
      }
      loss[b] = squares / (steps * CH);
    }
    return dy;
  }

  /** @return dL/dz per sequence, plan rows × padded: Σ_t dL/da_t · W_ih */
  float[] projectedInputGradients() {
    float[] dz = new float[plan.size() * w.padded];
    for (int g = 0; g < 4; g++) {
      Gemm.multiplyAdd(Gemm.Operand.rows(backward.gateSum, g * w.padded, w.gates), w.input,
          g * w.padded * w.padded, w.padded, dz, 0, w.padded, plan.size(), w.hidden, w.padded / Gemm.LANES);
    }
    return dz;
  }

  /** @return dL/dW_ih, gates × padded: Σ_b (Σ_t dL/da_t) ⊗ z_b */
  float[] inputWeightGradient() {
    float[] d = new float[w.gates * w.padded];
    for (int g = 0; g < 4; g++) {
      Gemm.multiplyAdd(Gemm.Operand.columns(backward.gateSum, g * w.padded, w.gates), projectedInput, 0, w.padded,
          d, g * w.padded * w.padded, w.padded, w.hidden, plan.size(), w.padded / Gemm.LANES);
    }
    return d;
  }

  /** @return dL/dcodes, K × padded: Σ_b x_b ⊗ dz_b */
  float[] codeGradients(float[] dz) {
    float[] d = new float[concepts * w.padded];
    Gemm.multiplyAdd(Gemm.Operand.columns(inputs, 0, concepts), dz, 0, w.padded, d, 0, w.padded, concepts,
        plan.size(), w.padded / Gemm.LANES);
    return d;
  }
}
