package io.chargen.model.eval;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.DtwNearestNeighbour;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.io.ModelFile;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Harness of the style learner's budget (issue 13; not a test): {@code evaluate}'s writer-style protocol
 * ({@link WriterStyleProtocol}: a hand learned from a, c, e, g, i, k, m of instance 1, then b, d, f, h, j, l written in
 * it) on the <em>training</em> writers, each with its own style column removed from the model, so that its hand must
 * be learned as a blend of the other writers' hands like a new writer's. The LSTM has still seen these writers'
 * letters, so the numbers are optimistic; they serve to choose, the held-out ones to report. Prints, per L-BFGS
 * budget, the fraction of in-style letters recognised (DTW-1NN against instance 0 of every writer) and the fraction
 * whose nearest template of that letter is the writer's own.
 *
 * <p>Arguments: model, data folder, budgets. Command line: docs/generation.md.
 */
public final class StyleBudgetRun {
  private static final List<String> LEARN = List.of("a", "c", "e", "g", "i", "k", "m");
  private static final List<String> WRITE = List.of("b", "d", "f", "h", "j", "l");

  private StyleBudgetRun() {}

  public static void main(String[] args) throws Exception {
    CharModel base = ModelFile.read(Path.of(args[0]));
    DigiletsDataset data = DigiletsReader.readDataset(Path.of(args[1]));
    List<String> writers = data.writers().stream().sorted().toList();
    Map<String, List<StrokeSequence>> byLetter = new LinkedHashMap<>();
    Map<String, Map<String, List<StrokeSequence>>> byWriter = new LinkedHashMap<>();
    for (String letter : base.trainedLetters()) {
      byLetter.put(letter, new ArrayList<>());
      byWriter.put(letter, new LinkedHashMap<>());
      for (String w : writers) {
        StrokeSequence s = Transform.apply(data.sample(w, letter.charAt(0), 0));
        byLetter.get(letter).add(s);
        byWriter.get(letter).put(w, List.of(s));
      }
    }
    DtwNearestNeighbour letterOf = DtwNearestNeighbour.of(byLetter);
    Generator generator = new Generator(new FastBackend());
    for (int a = 2; a < args.length; a++) {
      WriterStyleProtocol protocol = new WriterStyleProtocol(new FastBackend(),
          OneShotSchedule.FAST.withBudget(Integer.parseInt(args[a])));
      int[] counts = writers.parallelStream().map(w -> {
        CharModel without = withoutStyle(base, ConceptSet.styleOf(w));
        CharModel styled = protocol.learnWriter(without, data.writer(w), LEARN, "@new");
        int[] c = new int[2];
        for (String letter : WRITE) {
          StrokeSequence inHand = generator.generate(styled, Map.of(letter, 1.0, "@new", 1.0),
              new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false)).output();
          c[0] += letterOf.classify(inHand).label().equals(letter) ? 1 : 0;
          c[1] += DtwNearestNeighbour.of(byWriter.get(letter)).classify(inHand).label().equals(w) ? 1 : 0;
        }
        return c;
      }).reduce(new int[2], (x, y) -> new int[] {x[0] + y[0], x[1] + y[1]});
      double n = (double) writers.size() * WRITE.size();
      System.out.printf(Locale.ROOT, "style budget %s: recognised %.3f, nearest is the writer %.3f (chance %.3f)%n",
          args[a], counts[0] / n, counts[1] / n, 1.0 / writers.size());
    }
  }

  /** The model without one style column. */
  static CharModel withoutStyle(CharModel model, String style) {
    List<String> labels = new ArrayList<>();
    List<float[]> codes = new ArrayList<>();
    for (String l : model.concepts().labels()) {
      if (!l.equals(style)) {
        labels.add(l);
        codes.add(model.code(l));
      }
    }
    LstmWeights w = model.weights();
    return new CharModel(ConceptSet.of(labels), w.withCodes(codes.toArray(float[][]::new)), model.metadata());
  }
}
