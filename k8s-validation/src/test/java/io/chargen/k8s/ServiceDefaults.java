package io.chargen.k8s;

import io.chargen.capture.CaptureConfig;
import io.chargen.classifier.ClassifierConfig;
import io.chargen.generator.GeneratorConfig;
import io.chargen.learner.LearnerConfig;
import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.LogFormat;
import io.chargen.service.security.AuthConfig;
import java.util.Map;
import java.util.function.Function;

/**
 * The environment variables each service reads and the default its code gives each, obtained by running the
 * service's own {@code …Config.fromEnv} the shared {@link AuthConfig#from} and {@link LogFormat#fromEnv} on an empty environment (no hand-kept list: a new variable or a changed
 * default shows up here the moment the code changes).
 */
final class ServiceDefaults {
  /** How each service reads its configuration. */
  private static final Map<String, Function<Env, ?>> READERS = Map.of(
      "capture", CaptureConfig::fromEnv,
      "classifier", ClassifierConfig::fromEnv,
      "generator", GeneratorConfig::fromEnv,
      "learner", LearnerConfig::fromEnv);

  private ServiceDefaults() {}

  /**
   * @param service e.g. {@code classifier}
   * @return variable → default as text ("" for "unset")
   */
  static Map<String, String> of(String service) {
    Function<Env, ?> reader = READERS.get(service);
    if (reader == null) {
      throw new AssertionError("no configuration reader known for service " + service + "; add it to "
          + ServiceDefaults.class.getSimpleName());
    }
    Env empty = new Env(Map.of());
    reader.apply(empty);
    try {
      // Shared by every service (issue 12): the bearer-token verification. With no key it refuses to start, as
      // it should; the variables it asked for until then are recorded all the same.
      AuthConfig.from(empty);
    } catch (ConfigException expected) {
      // no key in an empty environment
    }
    LogFormat.fromEnv(empty); // shared by every service: ServiceLauncher checks it at start-up
    return empty.defaultsAsked();
  }
}
