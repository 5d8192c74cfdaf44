package io.chargen.launcher;

import io.chargen.launcher.figures.FigureGrid;
import io.chargen.launcher.figures.Png;
import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.Transform;
import io.chargen.model.eval.GenerationRecognition;
import io.chargen.model.eval.WriterStyleProtocol;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.learn.OneShotSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Issue 7's figures: the trained letters before and after, and letters in the hands of writers never trained on. */
final class GenerationFigures {
  /** Writers shown in the style figure. */
  private static final int STYLE_WRITERS = 4;

  private final Backend backend;
  private final Generator generator;
  private final Path out;

  GenerationFigures(Backend backend, Path out) {
    this.backend = backend;
    this.generator = new Generator(backend);
    this.out = out;
  }

  /**
   * Rows = letters; per model one plain generation and two variants (noise
   * {@link GenerationRecognition#VARIANT_NOISE}).
   * Generations run for the new model's natural length, so both models draw the same number of steps.
   */
  Path beforeAfter(CharModel before, CharModel after, List<String> letters) throws IOException {
    List<String> columns = List.of("paper model", "variant", "variant", "default model", "variant", "variant");
    StrokeSequence[][] cells = new StrokeSequence[letters.size()][];
    for (int i = 0; i < letters.size(); i++) {
      Map<String, Double> mix = Map.of(letters.get(i), 1.0);
      int steps = after.naturalLength(mix);
      cells[i] = new StrokeSequence[] {
          draw(before, mix, steps, 0), draw(before, mix, steps, 1), draw(before, mix, steps, 2),
          draw(after, mix, steps, 0), draw(after, mix, steps, 1), draw(after, mix, steps, 2)};
    }
    return Png.write(new FigureGrid("Trained letters: paper model vs default", letters, columns, cells).render(),
        out.resolve("fig8-generations.png"));
  }

  /** Per writer: their real letters (instance 0), then the same letters generated in their style, learned elsewhere. */
  Path writerStyles(CharModel model, DigiletsDataset data, List<String> styleLetters, List<String> generated,
      OneShotSchedule schedule) throws IOException {
    WriterStyleProtocol protocol = new WriterStyleProtocol(backend, schedule);
    List<String> rows = new ArrayList<>();
    List<StrokeSequence[]> cells = new ArrayList<>();
    for (String writer : data.writers().stream().sorted().limit(STYLE_WRITERS).toList()) {
      String style = ConceptSet.styleOf(writer);
      CharModel styled = protocol.learnWriter(model, data.writer(writer), styleLetters, style);
      StrokeSequence[] real = new StrokeSequence[generated.size()];
      StrokeSequence[] inHand = new StrokeSequence[generated.size()];
      for (int j = 0; j < generated.size(); j++) {
        String letter = generated.get(j);
        real[j] = data.writer(writer).filter(s -> String.valueOf(s.label()).equals(letter) && s.instance() == 0)
            .samples().stream().findFirst().map(Transform::apply).orElse(null);
        inHand[j] = draw(styled, Map.of(letter, 1.0, style, 1.0), GenerationRequest.NATURAL_LENGTH, 0);
      }
      rows.add(writer + " (real)");
      cells.add(real);
      rows.add("generated in style");
      cells.add(inHand);
    }
    return Png.write(new FigureGrid("Letters in new writers' hands: style learned from " + String.join(",",
        styleLetters) + " (instance " + WriterStyleProtocol.STYLE_INSTANCE + ")", rows, generated,
        cells.toArray(StrokeSequence[][]::new)).render(), out.resolve("fig9-writer-styles.png"));
  }

  /** Variant 0 is the plain generation; variant v > 0 has noise with seed v. */
  private StrokeSequence draw(CharModel model, Map<String, Double> mix, int steps, long variant) {
    double noise = variant == 0 ? 0 : GenerationRecognition.VARIANT_NOISE;
    return generator.generate(model, mix, new GenerationRequest(steps, noise, variant, false)).output();
  }
}
