package io.chargen.benchmarks;

import io.chargen.model.Backend;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import io.chargen.model.dl4j.Dl4jBackend;
import io.chargen.model.kernel.FastBackend;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One one-shot gradient step (dL/dz, the only gradient one-shot learning needs) at the paper's shape, K = 26,
 * H = 100, T = 120, on both backends in one run so the ratio is visible. Run with OMP_NUM_THREADS=1 in the environment (the
 * fork inherits it): measured fastest for DL4J here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.logger=slf4j"})
public class BackendComparisonBenchmark {
  static final int STEPS = 120;
  static final int CONCEPTS = 26;

  @Param({"fast", "dl4j"})
  public String backendName;

  private Backend backend;
  private LstmWeights weights;
  private float[] code;
  private StrokeSequence target;

  @Setup
  public void setUp() {
    backend = backendName.equals("fast") ? new FastBackend() : new Dl4jBackend();
    weights = LstmWeights.random(CONCEPTS, LstmWeights.PAPER_HIDDEN, 1).withIdentityCodes();
    Random random = new Random(2);
    code = new float[LstmWeights.PAPER_HIDDEN];
    for (int j = 0; j < code.length; j++) {
      code[j] = random.nextFloat() - 0.5f;
    }
    float[] t = new float[STEPS * StrokeSequence.CHANNELS];
    for (int i = 0; i < t.length; i++) {
      t[i] = random.nextFloat() - 0.5f;
    }
    target = StrokeSequence.of(t);
  }

  @Benchmark
  public Gradients oneShotStepT120() {
    return backend.gradients(weights, code, target, EnumSet.of(GradientPart.PROJECTED_INPUT));
  }
}
