package io.chargen.model.eval;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.Transform;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The paper's character challenge on real writers (Fabi et al. 2020, Sec. 3; protocol and reference numbers in the
 * data README). Per writer: learn n–z one-shot from instance 0 and measure the regeneration MSE (also from an
 * untrained model and without inference); classify 13-way within the writer (instances 1–4) and across writers
 * (concepts of the first writer, instance 0 of the others) by each classifier.
 */
public final class PaperProtocol {
  private final Backend backend;
  private final ProtocolConfig config;

  /**
   * @param backend computes the network
   * @param config schedules, letters, steps, seed
   */
  public PaperProtocol(Backend backend, ProtocolConfig config) {
    this.backend = backend;
    this.config = config;
  }

  /**
   * Runs the protocol.
   *
   * @param base the trained base model
   * @param data the writers to evaluate (sorted by name); the first writer's concepts serve cross-writer queries
   * @param classifiers per method name, a factory from (model with the writer's learned concepts, its templates)
   * @param progress progress receiver
   * @return metrics and the first writer's material for figures
   */
  public ProtocolResult run(CharModel base, DigiletsDataset data, Map<String, ClassifierFactory> classifiers,
      ProtocolProgress progress) {
    List<String> writers = data.writers().stream().sorted().toList();
    if (writers.size() < 2) {
      throw new IllegalArgumentException("the protocol needs at least 2 writers for cross-writer queries, got "
          + writers.size());
    }
    int letters = config.newLetters().size();
    long total = (long) writers.size() * letters * (config.schedules().size() + 1)
        + (long) classifiers.size() * letters * (writers.size() - 1
            + writers.size() * (ProtocolConfig.LAST_QUERY_INSTANCE - ProtocolConfig.FIRST_QUERY_INSTANCE + 1));
    AtomicLong done = new AtomicLong();
    Function<String, Runnable> tick = what -> () -> progress.update(done.incrementAndGet(), total, what);
    CharModel untrained = CharModel.untrained(base.concepts(), base.weights().hidden(), config.seed());
    OneShotTally tally = new OneShotTally(config.schedules());
    Map<String, Map<String, CharModel>> learnedBySchedule = new LinkedHashMap<>();
    config.schedules().forEach(s -> learnedBySchedule.put(s.name(), new LinkedHashMap<>()));
    Map<String, Map<String, StrokeSequence>> examples = new LinkedHashMap<>();
    ProtocolResult.FirstWriter first = null;
    for (String writer : writers) {
      Map<String, StrokeSequence> ex = examples(data, writer);
      examples.put(writer, ex);
      Map<String, OneShotResult> primary = null;
      for (OneShotSchedule schedule : config.schedules()) {
        Map<String, OneShotResult> r = learnEach(base, ex, schedule, tally, tick.apply("one-shot " + writer));
        learnedBySchedule.get(schedule.name()).put(writer, withCodes(base, r, ex));
        primary = primary == null ? r : primary;
      }
      Map<String, OneShotResult> untrainedResults = learnEach(untrained, ex, config.schedules().get(0), null,
          tick.apply("untrained " + writer));
      tally.addBaselines(primary, untrainedResults);
      if (first == null) {
        first = new ProtocolResult.FirstWriter(writer, ex, withCodes(base, primary, ex), withStartCodes(base, ex),
            withCodes(untrained, untrainedResults, ex));
      }
    }
    Map<String, CharModel> learnedModels = learnedBySchedule.get(config.schedules().get(0).name());
    ClassificationTally classification = new ClassificationTally(backend, config, data, writers, examples,
        learnedModels, tick);
    Map<String, ProtocolResult.ClassifyStat> classify = new LinkedHashMap<>();
    classifiers.forEach((name, factory) -> classify.put(name, classification.measure(factory)));
    progress.update(total, total, "done");
    return new ProtocolResult(writers, tally.stats(), classify, first, learnedBySchedule);
  }

  private Map<String, StrokeSequence> examples(DigiletsDataset data, String writer) {
    Map<String, StrokeSequence> ex = new LinkedHashMap<>();
    for (char c : config.newLetters()) {
      ex.put(String.valueOf(c), Transform.apply(data.sample(writer, c, ProtocolConfig.LEARN_INSTANCE)));
    }
    return ex;
  }

  /** Learns each letter on its own, sequentially, so the per-letter time is one core's latency. */
  private Map<String, OneShotResult> learnEach(CharModel model, Map<String, StrokeSequence> examples,
      OneShotSchedule schedule, OneShotTally tally, Runnable tick) {
    OneShotLearner learner = new OneShotLearner(backend, schedule);
    int concepts = model.concepts().size();
    Map<String, OneShotResult> results = new LinkedHashMap<>();
    for (Map.Entry<String, StrokeSequence> e : examples.entrySet()) {
      long start = System.nanoTime();
      float[] startCode = OneShotLearner.initialCode(model.weights().hidden(), concepts, e.getKey(), config.seed());
      OneShotResult r = learner.learnCode(model, startCode, e.getKey(), e.getValue(), examples.size());
      if (tally != null) {
        tally.add(schedule.name(), r, (System.nanoTime() - start) / 1e6);
      }
      results.put(e.getKey(), r);
      tick.run();
    }
    return results;
  }

  /** The model with the learned codes, each letter's natural length its example's (as {@link OneShotLearner}). */
  private static CharModel withCodes(CharModel model, Map<String, OneShotResult> results,
      Map<String, StrokeSequence> examples) {
    CharModel m = model;
    for (OneShotResult r : results.values()) {
      m = m.withConcept(r.label(), r.code()).withNaturalLength(r.label(), examples.get(r.label()).length());
    }
    return m;
  }

  /** The base model with the first schedule's starting codes: "no inference". */
  private CharModel withStartCodes(CharModel base, Map<String, StrokeSequence> ex) {
    CharModel m = base;
    for (String label : ex.keySet()) {
      float[] start = OneShotLearner.initialCode(base.weights().hidden(), base.concepts().size(), label,
          config.seed());
      m = m.withConcept(label, new OneShotLearner(backend, config.schedules().get(0)).startingCode(base, start))
          .withNaturalLength(label, ex.get(label).length());
    }
    return m;
  }

  /** Builds a classifier for one writer's learned concepts. */
  @FunctionalInterface
  public interface ClassifierFactory {
    /**
     * @param learned the base model with the writer's n–z concepts
     * @param templates the writer's examples, label → sequence
     * @return the classifier
     */
    Classifier create(CharModel learned, Map<String, StrokeSequence> templates);
  }

  static List<String> labels(List<Character> letters) {
    List<String> l = new ArrayList<>();
    letters.forEach(c -> l.add(String.valueOf(c)));
    return l;
  }
}
