package io.chargen.classifier;

import io.chargen.model.classify.ClassifierCatalogue;
import io.chargen.model.kernel.FastBackend;
import io.chargen.service.ConfigException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The methods selectable with {@value ClassifierConfig#METHOD}: those of the model's {@link ClassifierCatalogue}
 * (which {@code chargen evaluate} measures too), on the fast backend.
 */
public final class ClassifierMethods {
  /** The default, {@link ClassifierCatalogue#DEFAULT}. */
  public static final String DEFAULT = ClassifierCatalogue.DEFAULT;

  private ClassifierMethods() {}

  /**
   * @param paperSteps Adam steps of the paper's input inference (the paper: 1000)
   * @return every method, by name
   */
  static Map<String, ClassifierMethod> all(int paperSteps) {
    Map<String, ClassifierMethod> byName = new TreeMap<>();
    ClassifierCatalogue.all(new FastBackend(), paperSteps).forEach((name, m) ->
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
    Map<String, ClassifierMethod> methods = all(paperSteps);
    ClassifierMethod method = methods.get(name.trim().toLowerCase(java.util.Locale.ROOT));
    if (method == null) {
      throw new ConfigException(ClassifierConfig.METHOD + "=" + name + " is not one of " + methods.keySet());
    }
    return method;
  }
}
