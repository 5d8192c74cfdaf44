package io.chargen.model.eval;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.DtwNearestNeighbour;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.io.ModelFile;
import io.chargen.model.kernel.FastBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Harness of docs/generation.md (not a test): issue 7's measures of the trained letters a–m, on the writers of a
 * folder (data/splits/train: the writers the choices may be made on). Per model:
 * <ul>
 *   <li>{@code generation.recognised} ({@link GenerationRecognition}: plain and noise-SD-0.03 variants classified by
 *       DTW-1NN against instance 0 of every writer), at the model's natural lengths and, for comparison, at the mean
 *       length of each letter's templates (issue 7's "natural length" choice);
 *   <li>for a model with writer styles whose styles include these writers (the training writers): how often a letter
 *       generated in {@code @w} has w's own letter as its nearest among all writers' (chance 1/writers), and the same
 *       for w's real instance 1 (what a real hand scores).
 * </ul>
 * Command lines: docs/generation.md. Arguments: data folder, then model files.
 */
public final class GenerationChoicesRun {
  private GenerationChoicesRun() {}

  public static void main(String[] args) throws Exception {
    DigiletsDataset data = DigiletsReader.readDataset(Path.of(args[0]));
    FastBackend backend = new FastBackend();
    for (int a = 1; a < args.length; a++) {
      CharModel model = ModelFile.read(Path.of(args[a]));
      List<String> letters = model.trainedLetters();
      Map<String, List<StrokeSequence>> templates = new LinkedHashMap<>();
      Map<String, Map<String, StrokeSequence>> byWriter = new LinkedHashMap<>();
      for (String letter : letters) {
        templates.put(letter, new ArrayList<>());
        byWriter.put(letter, new LinkedHashMap<>());
      }
      for (String w : data.writers().stream().sorted().toList()) {
        for (String letter : letters) {
          StrokeSequence s = Transform.apply(data.sample(w, letter.charAt(0), 0));
          templates.get(letter).add(s);
          byWriter.get(letter).put(w, s);
        }
      }
      GenerationRecognition recognition = new GenerationRecognition(backend);
      GenerationRecognition.Result natural = recognition.measure(model, templates);
      GenerationRecognition.Result templateLength = recognition.measure(withoutLengths(model), templates);
      System.out.printf(Locale.ROOT, "%s on %d writers of %s: recognised plain %.3f variants %.3f (natural length);"
          + " %.3f / %.3f at the templates' mean length%n", args[a], data.writers().size(), args[0], natural.plain(),
          natural.variants(), templateLength.plain(), templateLength.variants());
      if (model.concepts().styles().size() > 1) {
        printStyleIdentity(model, data, letters, byWriter, backend);
      }
    }
  }

  private static CharModel withoutLengths(CharModel model) {
    Map<String, String> metadata = new LinkedHashMap<>(model.metadata());
    metadata.keySet().removeIf(k -> k.startsWith(CharModel.LENGTH_KEY_PREFIX));
    return new CharModel(model.concepts(), model.weights(), metadata);
  }

  private static void printStyleIdentity(CharModel model, DigiletsDataset data, List<String> letters,
      Map<String, Map<String, StrokeSequence>> byWriter, FastBackend backend) {
    Generator generator = new Generator(backend);
    int generated = 0;
    int real = 0;
    int n = 0;
    for (String letter : letters) {
      Map<String, List<StrokeSequence>> writerTemplates = new LinkedHashMap<>();
      byWriter.get(letter).forEach((w, s) -> writerTemplates.put(w, List.of(s)));
      DtwNearestNeighbour writerOf = DtwNearestNeighbour.of(writerTemplates);
      for (String w : writerTemplates.keySet()) {
        String style = ConceptSet.styleOf(w);
        if (!model.concepts().contains(style)) {
          continue;
        }
        StrokeSequence inHand = generator.generate(model, Map.of(letter, 1.0, style, 1.0),
            new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false)).output();
        generated += writerOf.classify(inHand).label().equals(w) ? 1 : 0;
        real += writerOf.classify(Transform.apply(data.sample(w, letter.charAt(0), 1))).label().equals(w) ? 1 : 0;
        n++;
      }
    }
    System.out.printf(Locale.ROOT, "  styles: generation in @w nearest to w %.3f, w's real instance 1 nearest to w"
        + " %.3f, chance %.3f (%d letters)%n", (double) generated / n, (double) real / n,
        1.0 / data.writers().size(), n);
  }
}
