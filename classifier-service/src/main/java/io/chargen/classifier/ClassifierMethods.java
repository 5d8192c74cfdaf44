package io.chargen.classifier;

import io.chargen.model.Backend;
import io.chargen.model.classify.ClassifierCatalogue;
import io.chargen.model.classify.InputInferenceClassifier;
import io.chargen.model.kernel.FastBackend;
import io.chargen.service.ConfigException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The methods selectable with {@value ClassifierConfig#METHOD} and the command line's {@code --method}: those of the
 * model's {@link ClassifierCatalogue} (which {@code chargen evaluate} measures too), so a method is added in one place.
 */
public final class ClassifierMethods {
  /** The default, {@link ClassifierCatalogue#DEFAULT}. */
  public static final String DEFAULT = ClassifierCatalogue.DEFAULT;

  private ClassifierMethods() {}

  /**
   * @param backend the network backend of the paper's method
   * @param paperSteps Adam steps of the paper's input inference (the paper: 1000)
   * @return every method, by name
   */
  static Map<String, ClassifierMethod> all(Backend backend, int paperSteps) {
    Map<String, ClassifierMethod> byName = new TreeMap<>();
    ClassifierCatalogue.all(backend, paperSteps).forEach((name, m) ->
        byName.put(name, new ClassifierMethod(name, m.needsTemplates(), m.factory()::create)));
    return byName;
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
}
