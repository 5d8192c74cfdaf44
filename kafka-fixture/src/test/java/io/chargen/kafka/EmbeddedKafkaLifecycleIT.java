package io.chargen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts and stops its own {@link EmbeddedKafka}s, so Failsafe runs it in a JVM of its own (see the pom): every other
 * test JVM has exactly one broker, the shared one.
 */
class EmbeddedKafkaLifecycleIT {

  @Test
  @DisplayName("a broker on a fixed port with a kept log directory serves topics and leaves its data on close")
  void fixedPortAndKeptLogDirectory(@TempDir Path dataDir) throws Exception {
    int port = FreePorts.pick(1)[0];

    try (EmbeddedKafka kafka = EmbeddedKafka.builder().clientPort(port).logDirectory(dataDir).start()) {
      assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      kafka.createTopics(List.of(new NewTopic("fixture.kept", 1, (short) 1)));
    }

    assertThat(dataDir.resolve("meta.properties")).exists();
    try (EmbeddedKafka restarted = EmbeddedKafka.builder().clientPort(port).logDirectory(dataDir).start();
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, restarted.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("fixture.kept");
    }
  }

  @Test
  @DisplayName("close deletes the temporary log directory")
  void closeDeletesTemporaryLogDirectory() throws Exception {
    Path logDir;
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      logDir = kafka.logDirectory();
      assertThat(logDir).isDirectory();
    }
    assertThat(Files.exists(logDir)).isFalse();
  }
}
