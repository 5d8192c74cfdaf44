package io.chargen.classifier;

import io.chargen.model.classify.DtwClassifier;
import io.chargen.model.classify.InputInferenceClassifier;
import io.chargen.model.kernel.FastBackend;
import io.chargen.service.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue of classification methods selectable with {@value ClassifierConfig#METHOD}. Adding a method is one
 * line in {@link #all(int)}, e.g. {@code method("best", true, BestClassifier::new)} for a classifier built from
 * (model, templates).
 */
public final class ClassifierMethods {
  /** The default: DTW 1-NN measured 82 % vs 18–29 % for the paper's inference on real handwriting, same writer. */
  public static final String DEFAULT = "dtw_1nn";

  private ClassifierMethods() {}

  /**
   * @param paperSteps Adam steps of the paper's input inference (the paper: 1000)
   * @return every method, by name
   */
  static Map<String, ClassifierMethod> all(int paperSteps) {
    return index(List.of(
        // Fabi et al. 2020, Sec. 3.3: infer a constant input over the candidates' codes; Adam at lr 0.01.
        new ClassifierMethod("paper", false, (model, templates) -> new InputInferenceClassifier(
            new FastBackend(), model, paperSteps, InputInferenceClassifier.PAPER_LEARNING_RATE)),
        // Nearest learned example under dynamic time warping (data README baseline).
        new ClassifierMethod("dtw_1nn", true, (model, templates) -> new DtwClassifier(templates))));
  }

  /**
   * @param name a method name, case-insensitive
   * @param paperSteps Adam steps of the paper's method
   * @return the method
   * @throws ConfigException naming {@value ClassifierConfig#METHOD}, the value and the known names
   */
  public static ClassifierMethod byName(String name, int paperSteps) {
    Map<String, ClassifierMethod> methods = all(paperSteps);
    ClassifierMethod method = methods.get(name.trim().toLowerCase(java.util.Locale.ROOT));
    if (method == null) {
      throw new ConfigException(ClassifierConfig.METHOD + "=" + name + " is not one of " + methods.keySet());
    }
    return method;
  }

  private static Map<String, ClassifierMethod> index(List<ClassifierMethod> methods) {
    Map<String, ClassifierMethod> byName = new TreeMap<>();
    methods.forEach(m -> byName.put(m.name(), m));
    return byName;
  }
}
