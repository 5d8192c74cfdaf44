package io.chargen.launcher;

import io.chargen.launcher.figures.BarChart;
import io.chargen.launcher.figures.FigureGrid;
import io.chargen.launcher.figures.Heatmap;
import io.chargen.launcher.figures.Png;
import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.Rollout;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.InputInferenceClassifier;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.Transform;
import io.chargen.model.eval.ProtocolConfig;
import io.chargen.model.eval.ProtocolResult;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The paper's figures for the first evaluated writer (Fabi et al. 2020, Figs. 2–7). */
final class EvaluationFigures {
  /** Noise levels shown for variants: the paper's range ends and its middle. */
  private static final double[] VARIANT_NOISE = {0.009, 0.03, 0.07};
  private static final int VARIANTS = 5;
  private static final int VARIANT_LETTERS = 3;
  private static final int INFERENCE_QUERIES = 6;
  /** Pairs of one-shot letters blended in Fig. 5; n and o is the pair the demo blends. */
  private static final String[][] BLEND_PAIRS = {{"n", "o"}, {"o", "u"}, {"v", "w"}, {"p", "q"}, {"r", "s"}};

  private final Backend backend;
  private final ProtocolConfig config;
  private final Path out;
  private final Generator generator;

  EvaluationFigures(Backend backend, ProtocolConfig config, Path out) {
    this.backend = backend;
    this.config = config;
    this.out = out;
    this.generator = new Generator(backend);
  }

  List<Path> write(ProtocolResult result, DigiletsDataset data) throws IOException {
    ProtocolResult.FirstWriter first = result.first();
    List<Path> files = new ArrayList<>();
    files.add(Png.write(oneShot(first).render(), out.resolve("fig2-one-shot.png")));
    files.add(Png.write(variants(first).render(), out.resolve("fig3-variants.png")));
    files.add(Png.write(inferredInputs(first, data).render(), out.resolve("fig4-inferred-inputs.png")));
    files.add(Png.write(blends(first.learned()).render(), out.resolve("fig5-blends.png")));
    String letter = first.examples().keySet().iterator().next();
    Rollout states = generator.generate(first.learned(), Map.of(letter, 1.0),
        new GenerationRequest(first.examples().get(letter).length(), 0, 0, true));
    files.add(Png.write(new Heatmap("Fig. 6: cell state c while writing '" + letter + "'", states.cell(),
        "time step", "LSTM unit").render(), out.resolve("fig6-cell-states.png")));
    files.add(Png.write(new Heatmap("Fig. 7: hidden state h while writing '" + letter + "'", states.hidden(),
        "time step", "LSTM unit").render(), out.resolve("fig7-hidden-states.png")));
    return files;
  }

  private FigureGrid oneShot(ProtocolResult.FirstWriter first) {
    List<String> rows = new ArrayList<>(first.examples().keySet());
    StrokeSequence[][] cells = new StrokeSequence[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      String label = rows.get(i);
      StrokeSequence example = first.examples().get(label);
      cells[i] = new StrokeSequence[] {example, regenerate(first.learned(), label, example.length()),
          regenerate(first.noInference(), label, example.length()),
          regenerate(first.untrained(), label, example.length())};
    }
    return new FigureGrid("Fig. 2: one-shot learning, writer " + first.writer(), rows,
        FigureGrid.RECONSTRUCTION_COLUMNS, cells);
  }

  private StrokeSequence regenerate(CharModel model, String label, int steps) {
    return generator.generate(model, Map.of(label, 1.0), GenerationRequest.plain(steps)).output();
  }

  /** One-shot letters, each regenerated and as variants at the paper's noise levels, all at natural length. */
  private FigureGrid variants(ProtocolResult.FirstWriter first) {
    List<String> rows = new ArrayList<>();
    List<StrokeSequence[]> cells = new ArrayList<>();
    CharModel learned = first.learned();
    for (String label : first.examples().keySet().stream().limit(VARIANT_LETTERS).toList()) {
      for (double noise : VARIANT_NOISE) {
        GenerationRequest request = new GenerationRequest(GenerationRequest.NATURAL_LENGTH, noise, config.seed(),
            false);
        rows.add(String.format(Locale.ROOT, "%s, SD %s (%.3f after input layer)", label, noise,
            Generator.noiseAfterInputLayer(learned, request)));
        List<StrokeSequence> row = new ArrayList<>(List.of(blend(learned, Map.of(label, 1.0))));
        generator.variants(learned, Map.of(label, 1.0), VARIANTS, request).forEach(v -> row.add(v.output()));
        cells.add(row.toArray(StrokeSequence[]::new));
      }
    }
    return new FigureGrid("Fig. 3: variants of letters learned from one example (noise on the letter inputs)", rows,
        FigureGrid.variantCaptions(VARIANTS), cells.toArray(StrokeSequence[][]::new));
  }

  private BarChart inferredInputs(ProtocolResult.FirstWriter first, DigiletsDataset data) {
    List<String> candidates = new ArrayList<>(first.examples().keySet());
    InputInferenceClassifier paper = new InputInferenceClassifier(backend, first.learned(), config.classifySteps(),
        InputInferenceClassifier.PAPER_LEARNING_RATE);
    List<String> captions = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (String label : candidates.stream().limit(INFERENCE_QUERIES).toList()) {
      StrokeSequence query = Transform.apply(data.sample(first.writer(), label.charAt(0),
          ProtocolConfig.FIRST_QUERY_INSTANCE));
      captions.add("query '" + label + "' (instance " + ProtocolConfig.FIRST_QUERY_INSTANCE + ")");
      vectors.add(paper.inferInput(query, candidates));
    }
    return new BarChart("Fig. 4: inferred input vectors", captions, vectors.toArray(float[][]::new), candidates);
  }

  private FigureGrid blends(CharModel model) {
    List<String> rows = new ArrayList<>();
    List<StrokeSequence[]> cells = new ArrayList<>();
    for (String[] pair : BLEND_PAIRS) {
      if (model.concepts().contains(pair[0]) && model.concepts().contains(pair[1])) {
        rows.add(pair[0] + " → " + pair[1]);
        cells.add(blendRow(model, pair[0], pair[1]));
      }
    }
    return FigureGrid.blend("Fig. 5: blends of letters learned from one example, in ten steps", rows,
        cells.toArray(StrokeSequence[][]::new));
  }

  /**
   * A row of Fig. 5: the blends from 100 % {@code from} to 100 % {@code to} in {@link FigureGrid#PAPER_BLEND_STEPS}
   * steps, each at its natural length, so that the ends are the two letters' regenerations.
   */
  StrokeSequence[] blendRow(CharModel model, String from, String to) {
    StrokeSequence[] row = new StrokeSequence[FigureGrid.PAPER_BLEND_STEPS];
    for (int s = 0; s < row.length; s++) {
      double w = (double) s / (row.length - 1);
      row[s] = blend(model, Map.of(from, 1 - w, to, w));
    }
    return row;
  }

  /** A blend (or one letter) without noise, at its natural length. */
  StrokeSequence blend(CharModel model, Map<String, Double> mix) {
    return generator.generate(model, mix,
        new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false)).output();
  }
}
