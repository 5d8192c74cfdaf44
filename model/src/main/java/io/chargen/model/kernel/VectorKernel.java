package io.chargen.model.kernel;

import io.chargen.model.BatchSequence;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The batched, vectorised kernel behind {@link FastBackend} (issue 14): single sequences are batches of one, and a
 * training batch is split into fixed chunks of {@link #CHUNK} sequences computed in parallel and summed in chunk
 * order, so the result does not depend on the number of cores.
 */
final class VectorKernel {
  /**
   * Sequences computed together per task: two per paper batch of 32, one for each core of the 2-core machines this
   * runs on; 16 rows also fill {@link Gemm}'s 4-row tiles. Fixed, so the summation order is the same everywhere.
   */
  static final int CHUNK = 16;

  Rollout run(LstmWeights weights, float[][] inputs, boolean keepStates) {
    PackedWeights w = PackedWeights.of(weights);
    int steps = inputs.length;
    BatchPlan plan = new BatchPlan(new int[] {steps});
    float[] projected = new float[steps * w.gates];
    float[] z = new float[w.padded];
    for (int t = 0; t < steps; t++) {
      if (t > 0 && Arrays.equals(inputs[t], inputs[t - 1])) {
        System.arraycopy(projected, (t - 1) * w.gates, projected, t * w.gates, w.gates);
        continue;
      }
      System.arraycopy(weights.project(inputs[t]), 0, z, 0, w.hidden);
      Gemm.multiplyAdd(Gemm.Operand.rows(z, 0, w.padded), w.inputT, 0, w.gates, projected, t * w.gates, w.gates,
          1, w.hidden, w.gates / Gemm.LANES);
    }
    BatchForward f = new BatchForward(w, plan, projected, true).run();
    return new Rollout(StrokeSequence.of(f.output), keepStates ? f.statesOf(f.cell, 0) : null,
        keepStates ? f.statesOf(f.hidden, 0) : null);
  }

  Gradients gradients(LstmWeights weights, BatchSequence sequence, Set<GradientPart> parts) {
    BatchGradient g = new BatchGradient(weights, List.of(sequence), 1f, parts);
    PackedWeights w = g.w;
    boolean inputSide = parts.contains(GradientPart.INPUT) || parts.contains(GradientPart.PROJECTED_INPUT)
        || parts.contains(GradientPart.INPUT_WEIGHTS);
    float[] dz = inputSide ? Arrays.copyOf(g.projectedInputGradients(), w.hidden) : null;
    float[] dx = parts.contains(GradientPart.INPUT) ? ScalarKernel.inputGradient(weights, dz) : null;
    float[][] codes = parts.contains(GradientPart.INPUT_WEIGHTS) ? ScalarKernel.codeGradients(sequence.input(), dz)
        : null;
    boolean recurrent = parts.contains(GradientPart.RECURRENT_WEIGHTS);
    return new Gradients(g.loss[0], dx, parts.contains(GradientPart.PROJECTED_INPUT) ? dz : null, codes,
        recurrent ? unpadGateRows(w, g.inputWeightGradient()) : null,
        recurrent ? unpadGateRows(w, g.backward.recurrent) : null,
        parts.contains(GradientPart.OUTPUT_WEIGHTS) ? unpadRows(w, g.backward.output, StrokeSequence.CHANNELS) : null);
  }

  /** One batch for the whole group; each sequence's loss and input-side gradients, in the caller's order. */
  List<Gradients> gradientsOfEach(LstmWeights weights, List<BatchSequence> sequences, Set<GradientPart> parts) {
    BatchGradient g = new BatchGradient(weights, sequences, 1f, parts);
    PackedWeights w = g.w;
    float[] dz = g.projectedInputGradients();
    Gradients[] each = new Gradients[sequences.size()];
    for (int b = 0; b < each.length; b++) {
      float[] dzOf = Arrays.copyOfRange(dz, b * w.padded, b * w.padded + w.hidden);
      each[g.plan.order[b]] = new Gradients(g.loss[b],
          parts.contains(GradientPart.INPUT) ? ScalarKernel.inputGradient(weights, dzOf) : null,
          parts.contains(GradientPart.PROJECTED_INPUT) ? dzOf : null, null, null, null, null);
    }
    return List.of(each);
  }

  Gradients meanGradients(LstmWeights weights, List<BatchSequence> batch, Set<GradientPart> parts) {
    float weight = 1f / batch.size();
    List<BatchGradient> chunks = IntStream.range(0, chunksOf(batch.size())).parallel()
        .mapToObj(c -> new BatchGradient(weights, chunk(batch, c), weight, parts)).toList();
    PackedWeights w = chunks.get(0).w;
    double loss = 0;
    float[] codes = null;
    float[] wIh = null;
    float[] wHh = null;
    float[] wOut = null;
    for (BatchGradient g : chunks) {
      for (double l : g.loss) {
        loss += l;
      }
      if (parts.contains(GradientPart.INPUT_WEIGHTS)) {
        codes = sum(codes, g.codeGradients(g.projectedInputGradients()));
      }
      if (parts.contains(GradientPart.RECURRENT_WEIGHTS)) {
        wIh = sum(wIh, g.inputWeightGradient());
        wHh = sum(wHh, g.backward.recurrent);
      }
      wOut = parts.contains(GradientPart.OUTPUT_WEIGHTS) ? sum(wOut, g.backward.output) : null;
    }
    return new Gradients(loss / batch.size(), null, null,
        codes == null ? null : unpadCodes(w, codes, weights.concepts()),
        wIh == null ? null : unpadGateRows(w, wIh), wHh == null ? null : unpadGateRows(w, wHh),
        wOut == null ? null : unpadRows(w, wOut, StrokeSequence.CHANNELS));
  }

  private static int chunksOf(int size) {
    return (size + CHUNK - 1) / CHUNK;
  }

  /** Chunk c of the batch: its sequences of length rank c, c + chunks, c + 2·chunks, … (balanced work). */
  private static List<BatchSequence> chunk(List<BatchSequence> batch, int c) {
    int chunks = chunksOf(batch.size());
    int[] byLength = new BatchPlan(batch.stream().mapToInt(BatchSequence::steps).toArray()).order;
    List<BatchSequence> out = new ArrayList<>();
    for (int r = c; r < byLength.length; r += chunks) {
      out.add(batch.get(byLength[r]));
    }
    return out;
  }

  private static float[] sum(float[] total, float[] part) {
    if (total == null) {
      return part.clone();
    }
    for (int i = 0; i < total.length; i++) {
      total[i] += part[i];
    }
    return total;
  }

  /** gates × padded (rows at padded positions) → 4H × H. */
  private static float[] unpadGateRows(PackedWeights w, float[] padded) {
    float[] out = new float[LstmWeights.GATES * w.hidden * w.hidden];
    for (int r = 0; r < LstmWeights.GATES * w.hidden; r++) {
      System.arraycopy(padded, w.column(r) * w.padded, out, r * w.hidden, w.hidden);
    }
    return out;
  }

  private static float[] unpadRows(PackedWeights w, float[] padded, int rows) {
    float[] out = new float[rows * w.hidden];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(padded, r * w.padded, out, r * w.hidden, w.hidden);
    }
    return out;
  }

  private static float[][] unpadCodes(PackedWeights w, float[] padded, int concepts) {
    float[][] out = new float[concepts][w.hidden];
    for (int k = 0; k < concepts; k++) {
      System.arraycopy(padded, k * w.padded, out[k], 0, w.hidden);
    }
    return out;
  }
}
