package io.chargen.model.classify;

import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import io.chargen.model.CharModel;
import io.chargen.model.io.ModelFile;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotSchedule;

/**
 * Development harness for issue 6 (not a test): the same-writer / cross-writer 13-way n–z protocol of
 * {@code eval.PaperProtocol} for template-only classifiers, on any folder of writers, plus a lower-variance
 * cross-writer figure that lets every writer in turn be the reference ("cross_all"). Used to tune on
 * data/splits/train; see docs/classification.md for the command lines.
 *
 * <p>Arguments: data folder, max writers (0 = all), then variant specs, e.g. {@code baseline} or
 * {@code shape:points=48,pos=1,dir=0.5,pen=0.5,band=0.15}.
 */
public final class ClassifierDevRun {
  private static final String LETTERS = "nopqrstuvwxyz";

  private static final Map<String, CharModel> LEARNED = new java.util.concurrent.ConcurrentHashMap<>();
  private static CharModel base;

  private ClassifierDevRun() {}

  /** The base model with the writer's n–z learned one-shot (fast schedule, seed 1), as PaperProtocol does. */
  private static CharModel learned(String writer, Map<String, StrokeSequence> examples) {
    return LEARNED.computeIfAbsent(writer, w -> {
      try {
        if (base == null) {
          base = ModelFile.read(Path.of("models/base.cgm"));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new OneShotLearner(new FastBackend(), OneShotSchedule.FAST).learn(base, examples, 1).model();
    });
  }

  public static void main(String[] args) throws Exception {
    DigiletsDataset data = DigiletsReader.readDataset(Path.of(args[0]));
    int max = Integer.parseInt(args[1]);
    List<String> writers = data.writers().stream().sorted().limit(max > 0 ? max : Long.MAX_VALUE).toList();
    Map<String, Map<String, StrokeSequence[]>> all = new LinkedHashMap<>();
    for (String w : writers) {
      Map<String, StrokeSequence[]> byLetter = new LinkedHashMap<>();
      for (char c : LETTERS.toCharArray()) {
        StrokeSequence[] inst = new StrokeSequence[5];
        for (int i = 0; i < 5; i++) {
          inst[i] = Transform.apply(data.sample(w, c, i));
        }
        byLetter.put(String.valueOf(c), inst);
      }
      all.put(w, byLetter);
    }
    System.out.printf("%d writers from %s%n", writers.size(), args[0]);
    for (int a = 2; a < args.length; a++) {
      run(args[a], writers, all);
    }
  }

  private static void run(String spec, List<String> writers, Map<String, Map<String, StrokeSequence[]>> all) {
    BiFunction<Supplier<CharModel>, Map<String, StrokeSequence>, Classifier> factory = DevVariants.parse(spec);
    List<String> candidates = new ArrayList<>();
    LETTERS.chars().forEach(c -> candidates.add(String.valueOf((char) c)));
    Map<String, Classifier> byWriter = new LinkedHashMap<>();
    for (String w : writers) {
      Map<String, StrokeSequence> t = new LinkedHashMap<>();
      all.get(w).forEach((l, inst) -> t.put(l, inst[0]));
      byWriter.put(w, factory.apply(() -> learned(w, t), t));
    }
    long start = System.nanoTime();
    int n = 0;
    int sameRight = 0;
    int sameN = 0;
    for (String w : writers) {
      for (String l : candidates) {
        for (int i = 1; i < 5; i++) {
          sameRight += byWriter.get(w).classify(all.get(w).get(l)[i], candidates).label().equals(l) ? 1 : 0;
          sameN++;
        }
      }
    }
    int crossRight = 0;
    int crossN = 0;
    String first = writers.get(0);
    for (String w : writers.subList(1, writers.size())) {
      for (String l : candidates) {
        crossRight += byWriter.get(first).classify(all.get(w).get(l)[0], candidates).label().equals(l) ? 1 : 0;
        crossN++;
      }
    }
    double ms = (System.nanoTime() - start) / 1e6 / (sameN + crossN);
    int allRight = 0;
    int allN = 0;
    for (String r : writers) {
      for (String w : writers) {
        if (w.equals(r)) {
          continue;
        }
        for (String l : candidates) {
          allRight += byWriter.get(r).classify(all.get(w).get(l)[0], candidates).label().equals(l) ? 1 : 0;
          allN++;
        }
      }
    }
    System.out.printf("%-60s same %.3f  cross %.3f  cross_all %.3f  ms %.3f%n", spec, (double) sameRight / sameN,
        (double) crossRight / crossN, (double) allRight / allN, ms);
  }
}
