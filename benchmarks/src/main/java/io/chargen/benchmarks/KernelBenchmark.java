package io.chargen.benchmarks;

import io.chargen.model.CharModel;
import io.chargen.model.GradientPart;
import io.chargen.model.Gradients;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.InputInferenceClassifier;
import io.chargen.model.Classification;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotSchedule;
import io.chargen.model.train.Trainer;
import io.chargen.model.train.TrainingProgress;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The speed goals on the fast kernel (issue 14): generating one letter (≤ 0.3 ms), one training step of batch 32 on
 * the training data's real lengths ({@link TrainingWorkload}), paper-mode classification of one trajectory (≤ 20 ms)
 * and one one-shot gradient evaluation; {@code kernel=scalar} runs the per-sequence loops the vectorised kernel
 * replaced, in the same run, for the before/after ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBenchmark {
  @Param({"vector", "scalar"})
  public String kernel;

  private FastBackend backend;
  private TrainingWorkload training;
  private CharModel model;
  private CharModel learned;
  private StrokeSequence query;
  private List<String> candidates;
  private GenerationRequest generation;

  @Setup(Level.Trial)
  public void setUp() {
    backend = kernel.equals("scalar") ? FastBackend.scalarLoops() : new FastBackend();
    model = Workload.model();
    Map<String, StrokeSequence> examples = new LinkedHashMap<>();
    for (char c = 'n'; c <= 'z'; c++) {
      examples.put(String.valueOf(c), Workload.letter(c, 0));
    }
    learned = new OneShotLearner(backend, OneShotSchedule.FAST).learn(model, examples, 1).model();
    candidates = List.copyOf(examples.keySet());
    query = Workload.letter('p', 1);
    training = new TrainingWorkload();
    generation = GenerationRequest.plain(query.length());
  }

  @Benchmark
  public Rollout generateOneLetter() {
    return new Generator(backend).generate(learned, Map.of("n", 1.0), generation);
  }

  /** One epoch of {@link TrainingWorkload#BATCHES} batches; JMH reports the time per step. */
  @Benchmark
  @OperationsPerInvocation(TrainingWorkload.BATCHES)
  public CharModel trainingStepBatch32() {
    return new Trainer(backend, TrainingWorkload.oneEpoch()).train(training.start, training.samples,
        TrainingProgress.NONE);
  }

  @Benchmark
  public Classification classifyPaperMode() {
    return InputInferenceClassifier.paper(backend, learned).classify(query, candidates);
  }

  /** The same inference with one-shot learning's L-BFGS (60 evaluations) instead of 1000 Adam steps. */
  @Benchmark
  public Classification classifyPaperFast() {
    return InputInferenceClassifier.fast(backend, learned).classify(query, candidates);
  }

  @Benchmark
  public Gradients oneShotGradientStep() {
    return backend.gradients(learned.weights().withIdentityCodes(), learned.code("p"), query,
        EnumSet.of(GradientPart.PROJECTED_INPUT));
  }
}
