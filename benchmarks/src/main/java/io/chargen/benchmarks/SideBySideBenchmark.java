package io.chargen.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training steps of batch 32, side by side (issue 14): this project's kernel, the scalar loops it replaced, DL4J,
 * and PyTorch's CPU kernels through DJL, all from the same start weights on the same samples in the same shuffled
 * order ({@link TrainingWorkload}); each invocation is one epoch of {@link TrainingWorkload#BATCHES} Adam steps from
 * the start weights, reported per step. The epoch's loss is printed per engine at tear-down: equal losses show the
 * engines computed the same training.
 *
 * <p>Run from the repository root, one core: {@code taskset -c 1 java -jar benchmarks/target/benchmarks.jar
 * SideBySide} (the forks inherit the affinity; PyTorch gets one intra-op thread). PyTorch needs the benchmarks built
 * with {@code -Ptorch}; DJL runs offline, its native library comes from the {@code pytorch-native-cpu} jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true",
    "-Dorg.bytedeco.javacpp.logger=slf4j"})
public class SideBySideBenchmark {
  @Param({"chargen", "chargen-scalar", "pytorch-padded", "pytorch-packed", "dl4j"})
  public String engine;

  private TrainingWorkload workload;
  private TrainingEngine trainer;
  private double lastLoss;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new TrainingWorkload();
    trainer = TrainerEngine.byName(engine);
  }

  @Benchmark
  @OperationsPerInvocation(TrainingWorkload.BATCHES)
  public double trainingStepBatch32() {
    lastLoss = trainer.trainEpoch(workload.start, workload.samples, TrainingWorkload.oneEpoch());
    return lastLoss;
  }

  @TearDown(Level.Trial)
  public void report() {
    System.out.printf("%n[side-by-side %s] epoch loss over %d steps of batch 32: %.7f%n", engine,
        TrainingWorkload.BATCHES, lastLoss);
  }
}
