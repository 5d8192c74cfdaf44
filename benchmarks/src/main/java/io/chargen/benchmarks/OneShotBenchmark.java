package io.chargen.benchmarks;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-shot learning of one new letter ('n' of a held-out writer) with the shipped base model: the goal is
 * MSE ≤ 0.042 in ≤ 100 ms. The MSE reached is printed at tear-down so speed and quality are read together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OneShotBenchmark {
  @Param({"fast", "paper"})
  public String schedule;

  private OneShotLearner learner;
  private CharModel model;
  private StrokeSequence example;
  private float[] start;
  private double lastMse;

  @Setup(Level.Trial)
  public void setUp() {
    Backend backend = new FastBackend();
    learner = new OneShotLearner(backend, OneShotSchedule.byName(schedule));
    model = Workload.model();
    example = Workload.letter('n', 0);
    start = OneShotLearner.initialCode(model.weights().hidden(), model.concepts().size(), "n", 1);
  }

  @Benchmark
  public OneShotResult learnOneLetter() {
    OneShotResult r = learner.learnCode(model, start, "n", example);
    lastMse = r.lossAfter();
    return r;
  }

  @TearDown(Level.Trial)
  public void report() {
    System.out.printf("%n[one-shot %s] MSE after learning 'n' (%d steps): %.4f%n", schedule, example.length(),
        lastMse);
  }
}
