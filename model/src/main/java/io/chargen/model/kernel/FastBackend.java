package io.chargen.model.kernel;

import io.chargen.model.Backend;
import io.chargen.model.BatchSequence;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The default backend: forward pass and backpropagation through time of the paper's network (Fabi et al. 2020,
 * Sec. 2) on a kernel of our own (issue 14).
 *
 * <p>What makes it fast for these shapes: the input vector is constant over a sequence (one-hot, blend or inferred
 * vector), so the input projection is one product per sequence and its weight gradients are products with the gate
 * gradients summed over time; a training batch is computed together, in time-major blocks of the sequences sorted by
 * length, so the recurrent products are small matrix-matrix products, register-blocked and written with the Vector
 * API ({@link Gemm}); the gates' nonlinearities are computed a vector at a time ({@link VectorMath}).
 *
 * <p>The Vector API is an incubator module in Java 17: the JVM needs {@code --add-modules jdk.incubator.vector}
 * (every launch in this repository passes it). Without it this backend says so once and runs {@link ScalarKernel},
 * the per-sequence loops it replaced, 3–14× slower (measured, README); both are proven equal to DL4J and to finite
 * differences by the tests. Stateless and thread-safe.
 */
public final class FastBackend implements Backend {
  /** Whether this JVM can run the vectorised kernel. */
  public static final boolean VECTORISED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  static {
    if (!VECTORISED) {
      System.getLogger(FastBackend.class.getName()).log(System.Logger.Level.WARNING,
          "jdk.incubator.vector is not loaded: the fast kernel runs its scalar loops, 3-14x slower. "
              + "Start java with --add-modules jdk.incubator.vector.");
    }
  }

  private final VectorKernel vector;
  private final ScalarKernel scalar = new ScalarKernel();

  /** The vectorised kernel when this JVM has the Vector API, otherwise the scalar one. */
  public FastBackend() {
    this(VECTORISED);
  }

  /**
   * @return this backend on the per-sequence scalar loops it ran before issue 14 (its fallback), for side-by-side
   *     benchmarks and checks
   */
  public static FastBackend scalarLoops() {
    return new FastBackend(false);
  }

  /** @param vectorised whether to use the vectorised kernel (tests compare both) */
  FastBackend(boolean vectorised) {
    if (vectorised && !VECTORISED) {
      throw new IllegalStateException("the vectorised kernel needs --add-modules jdk.incubator.vector");
    }
    this.vector = vectorised ? new VectorKernel() : null;
  }

  @Override
  public String name() {
    return "fast";
  }

  @Override
  public Rollout run(LstmWeights weights, float[][] inputs, boolean keepStates) {
    return vector != null ? vector.run(weights, inputs, keepStates) : scalar.run(weights, inputs, keepStates);
  }

  @Override
  public Gradients gradients(LstmWeights weights, float[] input, StrokeSequence target, Set<GradientPart> parts) {
    return gradients(weights, input, target.length(), output -> target, parts);
  }

  /** One forward pass serves both the target (from the output) and backpropagation. */
  @Override
  public Gradients gradients(LstmWeights weights, float[] input, int steps, UnaryOperator<StrokeSequence> targetFor,
      Set<GradientPart> parts) {
    return vector != null ? vector.gradients(weights, new BatchSequence(input, steps, targetFor), parts)
        : scalar.gradients(weights, input, steps, targetFor, parts);
  }

  /** The whole group as one batch (the scalar loops: one sequence at a time). */
  @Override
  public List<Gradients> gradientsOfEach(LstmWeights weights, List<BatchSequence> sequences,
      Set<GradientPart> parts) {
    if (vector == null) {
      return Backend.super.gradientsOfEach(weights, sequences, parts);
    }
    BatchSequence.checkEach(sequences, parts);
    return vector.gradientsOfEach(weights, sequences, parts);
  }

  /** The whole batch at once, in chunks of {@value VectorKernel#CHUNK} sequences on the common pool. */
  @Override
  public Gradients meanGradients(LstmWeights weights, List<BatchSequence> batch, Set<GradientPart> parts) {
    if (vector == null) {
      return Backend.super.meanGradients(weights, batch, parts);
    }
    BatchSequence.checkBatch(batch, parts);
    return vector.meanGradients(weights, batch, parts);
  }
}
