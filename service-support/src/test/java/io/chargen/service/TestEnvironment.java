package io.chargen.service;

import io.chargen.service.security.DevKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's environment in tests: the given variables plus the verification key of a development key made once per
 * JVM in a temporary folder, so that a service's configuration loads (services refuse to start without a key).
 */
public final class TestEnvironment {
  private static DevKeys keys;

  private TestEnvironment() {}

  /** @return the development key shared by this JVM's tests */
  public static synchronized DevKeys keys() {
    if (keys == null) {
      try {
        Path dir = Files.createTempDirectory("chargen-test-keys");
        dir.toFile().deleteOnExit();
        keys = DevKeys.createOrLoad(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys;
  }

  /** @return the folder of {@link #keys()}, for {@code TestTokens.create} to sign with the same key */
  public static Path keyDir() {
    return keys().verificationKey().getParent();
  }

  /** @return a service's HTTP settings in a test: this machine, free API and management ports, this JVM's key */
  public static HttpSettings http() {
    return HttpSettings.fromEnv(of(Map.of(HttpSettings.HOST, "127.0.0.1", HttpSettings.PORT, "0",
        HttpSettings.MANAGEMENT_PORT, "0")), 0);
  }

  /**
   * @param variables the variables under test
   * @return them and the key's variables
   */
  public static Env of(Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(keys().serviceEnvironment());
    all.putAll(variables);
    return new Env(all);
  }
}
