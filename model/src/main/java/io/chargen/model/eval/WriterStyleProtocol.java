package io.chargen.model.eval;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.DtwNearestNeighbour;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.PenSample;
import io.chargen.model.data.Transform;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.learn.OneShotSchedule;
import io.chargen.model.learn.StyleLearner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * "Letter x in writer w's hand" on writers the model never saw (issue 7). Per writer, a style is learned one-shot
 * from a few of their letters (instance {@value #STYLE_INSTANCE}); then every other trained letter is generated in
 * that style, a letter this writer never showed the model. Each generation is checked twice by DTW 1-nearest-neighbour
 * on positions against instance 0 of every writer: is it the right letter (among all the style and generated letters),
 * and among that letter's templates is the
 * nearest one this writer's? The same generations in the default style give the chance level of the second question.
 */
public final class WriterStyleProtocol {
  /** The instance the styles learn from; instance 0 serves as templates, so the check never sees the style's input. */
  public static final int STYLE_INSTANCE = 1;

  private final Generator generator;
  private final StyleLearner learner;

  /**
   * @param backend computes the network
   * @param schedule optimiser of the style codes
   */
  public WriterStyleProtocol(Backend backend, OneShotSchedule schedule) {
    this.generator = new Generator(backend);
    this.learner = new StyleLearner(backend, schedule);
  }

  /**
   * @param recognised fraction of in-style generations classified as the right letter
   * @param sameWriter fraction whose nearest template of that letter is the writer's own
   * @param sameWriterDefaultStyle the same for the default style: chance level
   * @param generations generations per style
   */
  public record Result(double recognised, double sameWriter, double sameWriterDefaultStyle, int generations) {}

  /**
   * @param model a model with writer styles
   * @param data the writers (not trained on)
   * @param styleLetters letters the style learns from
   * @param generatedLetters letters generated in the style (trained letters the style did not see)
   * @return the fractions
   */
  public Result measure(CharModel model, DigiletsDataset data, List<String> styleLetters,
      List<String> generatedLetters) {
    List<String> allLetters = Stream.concat(styleLetters.stream(), generatedLetters.stream())
        .distinct().toList();
    Map<String, Map<String, StrokeSequence>> templates = templatesByLetterAndWriter(data, allLetters);
    Map<String, List<StrokeSequence>> byLetter = new LinkedHashMap<>();
    templates.forEach((letter, byWriter) -> byLetter.put(letter, List.copyOf(byWriter.values())));
    DtwNearestNeighbour letterOf = DtwNearestNeighbour.of(byLetter);
    int recognised = 0;
    int same = 0;
    int sameDefault = 0;
    for (String writer : data.writers()) {
      String style = ConceptSet.styleOf("eval-" + writer);
      CharModel styled = learnWriter(model, data.writer(writer), styleLetters, style);
      for (String letter : generatedLetters) {
        DtwNearestNeighbour writerOf = writerClassifier(templates.get(letter));
        StrokeSequence inHand = generate(styled, Map.of(letter, 1.0, style, 1.0));
        recognised += letterOf.classify(inHand).label().equals(letter) ? 1 : 0;
        same += writerOf.classify(inHand).label().equals(writer) ? 1 : 0;
        sameDefault += writerOf.classify(generate(model, Map.of(letter, 1.0))).label().equals(writer) ? 1 : 0;
      }
    }
    double n = (double) data.writers().size() * generatedLetters.size();
    return new Result(recognised / n, same / n, sameDefault / n, generatedLetters.size());
  }

  /**
   * @param model a model with writer styles
   * @param writer one writer's samples
   * @param styleLetters the letters to learn from (instance {@value #STYLE_INSTANCE})
   * @param style the new style's label
   * @return the model with the writer's style added
   */
  public CharModel learnWriter(CharModel model, DigiletsDataset writer, List<String> styleLetters, String style) {
    return learner.learn(model, style, examples(writer, styleLetters));
  }

  private StrokeSequence generate(CharModel model, Map<String, Double> mix) {
    return generator.generate(model, mix, new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false))
        .output();
  }

  private static DtwNearestNeighbour writerClassifier(Map<String, StrokeSequence> byWriter) {
    Map<String, List<StrokeSequence>> t = new LinkedHashMap<>();
    byWriter.forEach((writer, s) -> t.put(writer, List.of(s)));
    return DtwNearestNeighbour.of(t);
  }

  private static Map<String, StrokeSequence> examples(DigiletsDataset writer, List<String> letters) {
    Map<String, StrokeSequence> out = new LinkedHashMap<>();
    for (PenSample s : writer.filter(s -> s.instance() == STYLE_INSTANCE).samples()) {
      String letter = String.valueOf(s.label());
      if (letters.contains(letter)) {
        out.put(letter, Transform.apply(s));
      }
    }
    return out;
  }

  private static Map<String, Map<String, StrokeSequence>> templatesByLetterAndWriter(DigiletsDataset data,
      List<String> letters) {
    Map<String, Map<String, StrokeSequence>> out = new LinkedHashMap<>();
    letters.forEach(l -> out.put(l, new LinkedHashMap<>()));
    for (PenSample s : data.filter(s -> s.instance() == 0).samples()) {
      Map<String, StrokeSequence> byWriter = out.get(String.valueOf(s.label()));
      if (byWriter != null) {
        byWriter.put(s.writer(), Transform.apply(s));
      }
    }
    return out;
  }
}
