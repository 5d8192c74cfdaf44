package io.chargen.model.classify;

import io.chargen.model.Backend;
import io.chargen.model.eval.PaperProtocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classification methods, in one place: the classifier service selects one by name ({@code CHARGEN_CLASSIFIER})
 * and {@code chargen evaluate} measures every one, so a method added here is both served and measured.
 */
public final class ClassifierCatalogue {
  /**
   * The default: shape-normalised DTW, measured on the 13 held-out writers at 96.6 % same-writer and 71.2 %
   * cross-writer, against 82.5 % / 47.4 % for plain DTW-1NN and 18–29 % for the paper's inference
   * (docs/classification.md).
   */
  public static final String DEFAULT = "best";

  /**
   * One method.
   *
   * @param name its name, the {@code method} of results and metrics
   * @param needsTemplates whether a label is a candidate only when its concept carries an example
   * @param factory builds the classifier from the model with learned codes and the learned examples
   */
  public record Method(String name, boolean needsTemplates, PaperProtocol.ClassifierFactory factory) {}

  private ClassifierCatalogue() {}

  /**
   * @param backend the backend of the paper's input inference
   * @param paperSteps Adam steps of the paper's input inference (the paper: 1000)
   * @return every method by name, in a fixed order
   */
  public static Map<String, Method> all(Backend backend, int paperSteps) {
    Map<String, Method> methods = new LinkedHashMap<>();
    for (Method m : List.of(
        // Fabi et al. 2020, Sec. 3.3: infer a constant input over the candidates' codes; Adam at lr 0.01.
        new Method("paper", false, (model, templates) -> new InputInferenceClassifier(backend, model, paperSteps,
            InputInferenceClassifier.PAPER_LEARNING_RATE)),
        // Issue 14: the same inference with one-shot learning's L-BFGS (60 evaluations) instead of 1000 Adam steps.
        new Method("paper_fast", false, (model, templates) -> InputInferenceClassifier.fast(backend, model)),
        // Nearest learned example under dynamic time warping (data README baseline).
        new Method("dtw_1nn", true, (model, templates) -> new DtwClassifier(templates)),
        // Issue 6: DTW on arc-length resampled, size-normalised shape features (docs/classification.md).
        new Method(DEFAULT, true, (model, templates) -> ShapeDtwClassifier.oneShot(templates)))) {
      methods.put(m.name(), m);
    }
    return methods;
  }
}
