package io.chargen.model.eval;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs the same-writer and cross-writer 13-way classification for one method, queries in parallel. */
final class ClassificationTally {
  private final ProtocolConfig config;
  private final List<String> writers;
  private final Map<String, Map<String, StrokeSequence>> examples;
  private final Map<String, CharModel> learned;
  private final Function<String, Runnable> tick;
  private final List<Query> same = new ArrayList<>();
  private final List<Query> cross = new ArrayList<>();

  private record Query(String writer, String label, StrokeSequence sequence) {}

  ClassificationTally(Backend backend, ProtocolConfig config, DigiletsDataset data, List<String> writers,
      Map<String, Map<String, StrokeSequence>> examples, Map<String, CharModel> learned,
      Function<String, Runnable> tick) {
    this.config = config;
    this.writers = writers;
    this.examples = examples;
    this.learned = learned;
    this.tick = tick;
    for (String w : writers) {
      for (char c : config.newLetters()) {
        for (int i = ProtocolConfig.FIRST_QUERY_INSTANCE; i <= ProtocolConfig.LAST_QUERY_INSTANCE; i++) {
          same.add(new Query(w, String.valueOf(c), Transform.apply(data.sample(w, c, i))));
        }
        if (!w.equals(writers.get(0))) {
          cross.add(new Query(writers.get(0), String.valueOf(c), examples.get(w).get(String.valueOf(c))));
        }
      }
    }
  }

  ProtocolResult.ClassifyStat measure(PaperProtocol.ClassifierFactory factory) {
    List<String> candidates = PaperProtocol.labels(config.newLetters());
    Map<String, Classifier> byWriter = new java.util.HashMap<>();
    for (String w : writers) {
      byWriter.put(w, factory.create(learned.get(w), examples.get(w)));
    }
    String method = byWriter.get(writers.get(0)).name();
    double[] sameResult = accuracy(same, byWriter, candidates, method);
    double[] crossResult = accuracy(cross, byWriter, candidates, method);
    double ms = (sameResult[1] + crossResult[1]) / (same.size() + cross.size());
    return new ProtocolResult.ClassifyStat(sameResult[0], crossResult[0], ms);
  }

  /** @return {accuracy, summed ms} */
  private double[] accuracy(List<Query> queries, Map<String, Classifier> byWriter, List<String> candidates,
      String method) {
    Runnable step = tick.apply("classify " + method);
    double[][] each = queries.parallelStream().map(q -> {
      long start = System.nanoTime();
      boolean right = byWriter.get(q.writer()).classify(q.sequence(), candidates).label().equals(q.label());
      double ms = (System.nanoTime() - start) / 1e6;
      step.run();
      return new double[] {right ? 1 : 0, ms};
    }).toArray(double[][]::new);
    double correct = 0;
    double ms = 0;
    for (double[] e : each) {
      correct += e[0];
      ms += e[1];
    }
    return new double[] {correct / queries.size(), ms};
  }
}
