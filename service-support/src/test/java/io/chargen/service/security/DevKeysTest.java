package io.chargen.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeysTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("the key is created once: a second call (chargen token after chargen up) loads the same key")
  void createdOnce() throws Exception {
    DevKeys first = DevKeys.createOrLoad(dir.resolve(".chargen"));
    String publicKey = Files.readString(first.verificationKey());
    DevKeys second = DevKeys.createOrLoad(dir.resolve(".chargen"));
    assertThat(second.signingKeyPem()).isEqualTo(first.signingKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(second.verificationKey())).isEqualTo(publicKey).startsWith("-----BEGIN PUBLIC KEY");
    assertThat(publicKey).doesNotContain("PRIVATE");
  }

  @Test
  @DisplayName("the private key file is readable by its owner only")
  void ownerOnly() throws Exception {
    DevKeys.createOrLoad(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DevKeys.SIGNING_KEY_FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  @DisplayName("processes starting at once end up with one key, and no temporary files are left")
  void concurrentCreation() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DevKeys>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> DevKeys.createOrLoad(dir)));
      }
      String key = results.get(0).get().signingKeyPem();
      for (Future<DevKeys> result : results) {
        assertThat(result.get().signingKeyPem()).isEqualTo(key);
      }
    } finally {
      pool.shutdown();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(DevKeys.SIGNING_KEY_FILE, DevKeys.VERIFICATION_KEY_FILE);
    }
  }

  @Test
  @DisplayName("the services' environment names the public key file and the algorithm")
  void serviceEnvironment() {
    DevKeys keys = DevKeys.createOrLoad(dir);
    assertThat(keys.serviceEnvironment()).containsEntry(AuthConfig.ALGORITHM, "ES256")
        .containsEntry(AuthConfig.PUBLIC_KEY, dir.resolve(DevKeys.VERIFICATION_KEY_FILE).toAbsolutePath().toString());
  }
}
