package io.chargen.k8s;

import io.chargen.capture.CaptureConfig;
import io.chargen.classifier.ClassifierConfig;
import io.chargen.generator.GeneratorConfig;
import io.chargen.learner.LearnerConfig;
import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.LogFormat;
import io.chargen.service.security.AuthConfig;
import io.chargen.service.security.DevKeys;
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

  private static final DevKeys KEY = temporaryKey();

  private ServiceDefaults() {}

  private static DevKeys temporaryKey() {
    try {
      return DevKeys.createOrLoad(java.nio.file.Files.createTempDirectory("service-defaults-key"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

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
    // Empty but for a verification key: a service refuses to start without one (issue 12), and every variable is
    // recorded with the default its code gives, set or not.
    Env empty = new Env(KEY.serviceEnvironment());
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
