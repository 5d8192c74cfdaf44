package io.chargen.classifier;

import io.chargen.model.Backend;
import io.chargen.model.classify.DtwClassifier;
import io.chargen.model.classify.InputInferenceClassifier;
import io.chargen.model.classify.ShapeDtwClassifier;
import io.chargen.model.kernel.FastBackend;
import io.chargen.service.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalogue of classification methods selectable with {@value ClassifierConfig#METHOD}. Adding a method is one
 * line in {@link #all(Backend, int)}, e.g. {@code method("best", true, BestClassifier::new)} for a classifier built from
 * (model, templates).
 */
public final class ClassifierMethods {
  /**
   * The default: shape-normalised DTW, measured on the 13 held-out writers at 96.6 % same-writer and 71.2 %
   * cross-writer, against 82.5 % / 47.4 % for plain DTW-1NN and 18–29 % for the paper's inference
   * (docs/classification.md).
   */
  public static final String DEFAULT = "best";

  private ClassifierMethods() {}

  /**
   * @param backend the network backend of the paper's method
   * @param paperSteps Adam steps of the paper's input inference (the paper: 1000)
   * @return every method, by name
   */
  static Map<String, ClassifierMethod> all(Backend backend, int paperSteps) {
    return index(List.of(
        // Fabi et al. 2020, Sec. 3.3: infer a constant input over the candidates' codes; Adam at lr 0.01.
        new ClassifierMethod("paper", false, (model, templates) -> new InputInferenceClassifier(
            backend, model, paperSteps, InputInferenceClassifier.PAPER_LEARNING_RATE)),
        // Nearest learned example under dynamic time warping (data README baseline).
        new ClassifierMethod("dtw_1nn", true, (model, templates) -> new DtwClassifier(templates)),
        // Issue 6: DTW on arc-length resampled, size-normalised shape features (docs/classification.md).
        new ClassifierMethod("best", true, (model, templates) -> ShapeDtwClassifier.oneShot(templates))));
  }

  /**
   * @param name a method name, case-insensitive
   * @param paperSteps Adam steps of the paper's method
   * @return the method
   * @throws ConfigException naming {@value ClassifierConfig#METHOD}, the value and the known names
   */
  public static ClassifierMethod byName(String name, int paperSteps) {
    return byName(name, new FastBackend(), paperSteps);
  }

  /**
   * @param name a method name, case-insensitive
   * @param backend the network backend of the paper's method (the service: the fast kernel; the command line: any)
   * @param paperSteps Adam steps of the paper's method
   * @return the method
   * @throws ConfigException naming {@value ClassifierConfig#METHOD}, the value and the known names
   */
  public static ClassifierMethod byName(String name, Backend backend, int paperSteps) {
    Map<String, ClassifierMethod> methods = all(backend, paperSteps);
    ClassifierMethod method = methods.get(name.trim().toLowerCase(java.util.Locale.ROOT));
    if (method == null) {
      throw new ConfigException(ClassifierConfig.METHOD + "=" + name + " is not one of " + methods.keySet());
    }
    return method;
  }

  /** @return the names of every method, sorted: what {@value ClassifierConfig#METHOD} and the CLI accept */
  public static Set<String> names() {
    return all(new FastBackend(), InputInferenceClassifier.PAPER_STEPS).keySet();
  }

  private static Map<String, ClassifierMethod> index(List<ClassifierMethod> methods) {
    Map<String, ClassifierMethod> byName = new TreeMap<>();
    methods.forEach(m -> byName.put(m.name(), m));
    return byName;
  }
}
