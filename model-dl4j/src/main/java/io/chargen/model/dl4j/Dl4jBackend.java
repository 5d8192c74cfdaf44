package io.chargen.model.dl4j;

import io.chargen.model.Backend;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference backend: the paper's network (Fabi et al. 2020, Sec. 2) computed by DeepLearning4J 1.0.0-M2.1 in
 * double precision, independently of our kernel, to prove {@code FastBackend} right. Slow (one {@code gradients}
 * call at K=26, H=100, T=120 takes about half a second, against about 10 ms for {@code FastBackend}); meant for
 * tests and cross-checks, not for serving.
 *
 * <p>Usage, like any {@link Backend}:
 * <pre>{@code
 * Backend reference = new Dl4jBackend();
 * Rollout rollout = reference.run(weights, inputs, true);           // outputs, cell and hidden states
 * Gradients g = reference.gradients(weights, input, target, EnumSet.allOf(GradientPart.class));
 * }</pre>
 * The ND4J native libraries for linux-x86_64 come with this module's dependencies; run with
 * {@code OMP_NUM_THREADS=1}, measured fastest for these small matrices. No DL4J or ND4J type appears in this API.
 *
 * <p>How our semantics are obtained from DL4J:
 * <ul>
 *   <li>Gate order: DL4J's LSTM packs its column blocks as g, f, o, i; they are permuted to and from PyTorch's
 *       i, f, g, o rows (package-private {@code ParameterLayout}).
 *   <li>Bias: DL4J's LSTM always has one, and the output layer keeps one to dodge a DL4J bug; both are zero and
 *       their gradients are ignored (package-private {@code Networks}).
 *   <li>Loss: DL4J's MSE score of one example is Σ_t mean over the 4 channels of (y − target)², so ours (the mean
 *       over the T steps too) is the score divided by T, and so is every gradient. The score costs DL4J an extra
 *       forward pass.
 *   <li>{@link GradientPart#PROJECTED_INPUT}: the input gradient, summed over steps, of a DL4J network that starts at
 *       the LSTM and is fed z = W·x (an ND4J product) at every step. The LSTM and output weight gradients and the
 *       loss come from that network too. {@link GradientPart#INPUT} and {@link GradientPart#INPUT_WEIGHTS} come
 *       from the full network (input layer included), run only when one of them is asked for.
 *   <li>States of {@link #run}: the network is stepped with {@code rnnTimeStep} and the LSTM layer's stored state
 *       ({@code prevMem} = c, {@code prevAct} = h) read after each step.
 * </ul>
 *
 * <p>Stateless and thread-safe: each call builds its own networks.
 */
public final class Dl4jBackend implements Backend {

  /** Creates the backend; ND4J loads its native libraries on first use. */
  public Dl4jBackend() {
    // No state: networks are built per call.
  }

  @Override
  public String name() {
    return "dl4j";
  }

  @Override
  public Rollout run(LstmWeights weights, float[][] inputs, boolean keepStates) {
    requireInputs(weights, inputs);
    MultiLayerNetwork net = Networks.full(weights);
    INDArray features = Sequences.ofRows(inputs);
    if (!keepStates) {
      return new Rollout(Sequences.toStrokes(net.output(features)), null, null);
    }
    return runStepwise(net, features, inputs.length, weights.hidden());
  }

  private static Rollout runStepwise(MultiLayerNetwork net, INDArray features, int steps, int hidden) {
    float[] output = new float[steps * StrokeSequence.CHANNELS];
    float[][] cell = new float[steps][];
    float[][] hiddenStates = new float[steps][];
    net.rnnClearPreviousState();
    for (int t = 0; t < steps; t++) {
      INDArray step = features.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1));
      float[] y = Sequences.toFloats(net.rnnTimeStep(step), 1);
      System.arraycopy(y, 0, output, t * StrokeSequence.CHANNELS, StrokeSequence.CHANNELS);
      Map<String, INDArray> state = net.rnnGetPreviousState(Networks.FULL_LSTM_LAYER);
      cell[t] = Sequences.toFloats(state.get(LSTM.STATE_KEY_PREV_MEMCELL), 1);
      hiddenStates[t] = Sequences.toFloats(state.get(LSTM.STATE_KEY_PREV_ACTIVATION), 1);
    }
    return new Rollout(StrokeSequence.of(output), cell, hiddenStates);
  }

  @Override
  public Gradients gradients(LstmWeights weights, float[] input, StrokeSequence target, Set<GradientPart> parts) {
    requireInput(weights, input, "input");
    int steps = target.length();
    double perStep = 1.0 / steps;
    int hidden = weights.hidden();
    INDArray labels = Sequences.ofStrokes(target);
    INDArray projected = Sequences.constant(project(weights, input), steps);
    MultiLayerNetwork recurrent = Networks.recurrent(weights);
    Pair<Gradient, INDArray> rec = recurrent.calculateGradients(projected, labels, null, null);
    Gradient g = rec.getFirst();
    float[] dz = parts.contains(GradientPart.PROJECTED_INPUT) ? Sequences.sumOverTime(rec.getSecond(), perStep) : null;
    boolean recurrentParts = parts.contains(GradientPart.RECURRENT_WEIGHTS);
    float[] dWih = recurrentParts ? ParameterLayout.lstmFromDl4j(
        matrix(g, Networks.REC_LSTM_INPUT), hidden, perStep) : null;
    float[] dWhh = recurrentParts ? ParameterLayout.lstmFromDl4j(
        matrix(g, Networks.REC_LSTM_RECURRENT), hidden, perStep) : null;
    float[] dWout = parts.contains(GradientPart.OUTPUT_WEIGHTS)
        ? ParameterLayout.outputFromDl4j(matrix(g, Networks.REC_OUTPUT), hidden, perStep) : null;
    double loss = recurrent.score(new DataSet(projected, labels)) * perStep;
    if (!parts.contains(GradientPart.INPUT) && !parts.contains(GradientPart.INPUT_WEIGHTS)) {
      return new Gradients(loss, null, dz, null, dWih, dWhh, dWout);
    }
    Pair<Gradient, INDArray> full = Networks.full(weights)
        .calculateGradients(Sequences.constant(ParameterLayout.toDouble(input), steps), labels, null, null);
    float[] dx = parts.contains(GradientPart.INPUT) ? Sequences.sumOverTime(full.getSecond(), perStep) : null;
    float[][] dCodes = parts.contains(GradientPart.INPUT_WEIGHTS) ? ParameterLayout.codesFromDl4j(
        matrix(full.getFirst(), Networks.FULL_CODES), weights.concepts(), hidden, perStep) : null;
    return new Gradients(loss, dx, dz, dCodes, dWih, dWhh, dWout);
  }

  /** z = W·x by ND4J (a 1×K by K×H product), the LSTM input of the recurrent network. */
  private static double[] project(LstmWeights weights, float[] input) {
    INDArray x = Nd4j.createFromArray(new double[][] {ParameterLayout.toDouble(input)});
    return x.mmul(Nd4j.createFromArray(ParameterLayout.codesToDl4j(weights))).toDoubleVector();
  }

  private static ParameterLayout.Matrix matrix(Gradient gradient, String key) {
    INDArray array = gradient.getGradientFor(key);
    return array::getDouble;
  }

  private static void requireInputs(LstmWeights weights, float[][] inputs) {
    if (inputs.length == 0) {
      throw new IllegalArgumentException("inputs has no steps; at least one is needed");
    }
    for (int t = 0; t < inputs.length; t++) {
      requireInput(weights, inputs[t], "inputs[" + t + "]");
    }
  }

  private static void requireInput(LstmWeights weights, float[] input, String name) {
    if (input.length != weights.concepts()) {
      throw new IllegalArgumentException(
          name + " has " + input.length + " values, expected " + weights.concepts() + " (one per concept)");
    }
  }
}
