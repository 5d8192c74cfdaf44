package io.chargen.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Computes the paper's network: forward runs and backpropagation through time. Two implementations exist: the
 * default {@code FastBackend} (a kernel of our own on float arrays) and the DL4J reference in module
 * {@code model-dl4j}; tests prove them equal on the same weights.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface Backend {

  /** @return a short name for command lines and metrics, e.g. {@code fast} or {@code dl4j} */
  String name();

  /**
   * Runs the network from zero state over per-step input vectors (Fabi et al. 2020, Sec. 2).
   *
   * @param weights the network
   * @param inputs T rows of K values: the input vector at every step (constant for regeneration and blends,
   *     noisy for variants, Sec. 3.2)
   * @param keepStates whether to return the LSTM cell and hidden states of every step (Sec. 3.5)
   * @return outputs and, if asked, states
   */
  Rollout run(LstmWeights weights, float[][] inputs, boolean keepStates);

  /**
   * Loss and gradients for one sequence whose input vector is constant over time. The loss is the paper's MSE:
   * mean over steps and the 4 channels of (output − target)².
   *
   * @param weights the network
   * @param input K values, the same at every step
   * @param target the sequence to reproduce; the network runs for its length
   * @param parts which gradients to compute; the loss is always computed
   * @return the loss and the requested gradients (others are null)
   */
  Gradients gradients(LstmWeights weights, float[] input, StrokeSequence target, Set<GradientPart> parts);

  /**
   * Loss and gradients against a target that depends on the network's own output, e.g. a training letter re-timed
   * onto it (the time-aligned MSE, issue 7). The default runs the network once more to get that output;
   * implementations may reuse their forward pass.
   *
   * @param weights the network
   * @param input K values, the same at every step
   * @param steps the number of steps to run
   * @param targetFor maps the output (steps long) to the target (as long)
   * @param parts which gradients to compute
   * @return the loss and the requested gradients against {@code targetFor(output)}
   */
  default Gradients gradients(LstmWeights weights, float[] input, int steps, UnaryOperator<StrokeSequence> targetFor,
      Set<GradientPart> parts) {
    float[][] constant = new float[steps][];
    Arrays.fill(constant, input);
    return gradients(weights, input, targetFor.apply(run(weights, constant, false).output()), parts);
  }

  /**
   * Each sequence's loss and input-side gradients, as {@link #gradients(LstmWeights, float[], int, UnaryOperator,
   * Set)} gives them one at a time. The noise-robust one-shot objective evaluates one code under several input-noise
   * draws per step of its optimiser (issue 13); the fast kernel computes such a group together, as one batch. The
   * default computes the sequences one by one, in list order.
   *
   * @param weights the network
   * @param sequences the sequences (at least one)
   * @param parts input-side parts only: {@link GradientPart#INPUT}, {@link GradientPart#PROJECTED_INPUT}
   * @return per sequence, in list order, its loss and the requested gradients
   * @throws IllegalArgumentException if the list is empty or a weight gradient is asked for
   */
  default List<Gradients> gradientsOfEach(LstmWeights weights, List<BatchSequence> sequences,
      Set<GradientPart> parts) {
    BatchSequence.checkEach(sequences, parts);
    return sequences.stream().map(s -> gradients(weights, s.input(), s.steps(), s.targetFor(), parts)).toList();
  }

  /**
   * The gradient of a training batch: the mean over its sequences of each one's loss (the paper's MSE over its own
   * length) and of each one's weight gradients, the quantity one Adam step of the paper's training uses (Sec. 2).
   * The default computes the sequences one by one, in parallel, and sums them in list order; the fast kernel
   * computes the batch together.
   *
   * @param weights the network
   * @param batch the sequences (at least one)
   * @param parts weight gradients only: {@link GradientPart#INPUT_WEIGHTS}, {@link GradientPart#RECURRENT_WEIGHTS},
   *     {@link GradientPart#OUTPUT_WEIGHTS}; the per-sequence input gradients have no meaningful mean
   * @return the mean loss and the mean of the requested gradients (others null)
   * @throws IllegalArgumentException if the batch is empty or a per-sequence part is asked for
   */
  default Gradients meanGradients(LstmWeights weights, List<BatchSequence> batch, Set<GradientPart> parts) {
    BatchSequence.checkBatch(batch, parts);
    List<Gradients> each = batch.parallelStream()
        .map(s -> gradients(weights, s.input(), s.steps(), s.targetFor(), parts)).toList();
    return GradientMean.of(each);
  }
}
