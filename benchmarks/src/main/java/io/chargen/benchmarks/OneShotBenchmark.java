package io.chargen.benchmarks;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * One-shot learning with the shipped base model, per letter: {@code learnOneLetter} learns 'n' of a held-out writer,
 * {@code learnNToZ} learns each of n–z of that writer from its instance 0, as {@code evaluate} does, and reports the
 * mean time per letter (issue 13's budget: ≤ 50 ms per letter). {@code schedule} selects the one-shot schedule
 * ({@link OneShotSchedule#byName}): {@code fast} (the default), {@code fast-plain} (the paper's loss), {@code paper}.
 * The MSE reached is printed at tear-down so speed and quality are read together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OneShotBenchmark {
  /** The letters a model trained on a–m learns one-shot. */
  private static final String NEW_LETTERS = "nopqrstuvwxyz";

  @Param({"fast", "fast-plain", "paper"})
  public String schedule;

  private OneShotLearner learner;
  private CharModel model;
  private StrokeSequence example;
  private float[] start;
  private double lastMse;
  private final Map<String, StrokeSequence> newLetters = new LinkedHashMap<>();
  private final Map<String, float[]> newStarts = new LinkedHashMap<>();
  private double lastMeanMse;

  @Setup(Level.Trial)
  public void setUp() {
    Backend backend = new FastBackend();
    learner = new OneShotLearner(backend, OneShotSchedule.byName(schedule));
    model = Workload.model();
    example = Workload.letter('n', 0);
    start = OneShotLearner.initialCode(model.weights().hidden(), model.concepts().size(), "n", 1);
    for (char c : NEW_LETTERS.toCharArray()) {
      String label = String.valueOf(c);
      newLetters.put(label, Workload.letter(c, 0));
      newStarts.put(label, OneShotLearner.initialCode(model.weights().hidden(), model.concepts().size(), label, 1));
    }
  }

  @Benchmark
  public OneShotResult learnOneLetter() {
    OneShotResult r = learner.learnCode(model, start, "n", example);
    lastMse = r.lossAfter();
    return r;
  }

  /** Each of n–z learned once; JMH divides the time by the 13 letters. */
  @Benchmark
  @OperationsPerInvocation(13)
  public double learnNToZ() {
    double mse = 0;
    for (Map.Entry<String, StrokeSequence> e : newLetters.entrySet()) {
      mse += learner.learnCode(model, newStarts.get(e.getKey()), e.getKey(), e.getValue()).lossAfter();
    }
    lastMeanMse = mse / newLetters.size();
    return lastMeanMse;
  }

  @TearDown(Level.Trial)
  public void report() {
    if (lastMeanMse > 0) {
      System.out.printf("%n[one-shot %s] mean MSE after learning n-z: %.4f%n", schedule, lastMeanMse);
    } else {
      System.out.printf("%n[one-shot %s] MSE after learning 'n' (%d steps): %.4f%n", schedule, example.length(),
          lastMse);
    }
  }
}
