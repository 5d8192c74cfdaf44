package io.chargen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

  private static final Path LOG_DIR = Path.of("/tmp/kafka-fixture-test");

  @Test
  @DisplayName("the single-node settings pass Kafka's own configuration validation")
  void settingsAreValidKafkaConfig() {
    Properties props = BrokerSettings.forNode(9092, 9093, LOG_DIR, Map.of());

    KafkaConfig config = KafkaConfig.fromProps(props, false);

    assertThat(config.getBoolean("auto.create.topics.enable")).isFalse();
    assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
    assertThat(config.getInt("group.initial.rebalance.delay.ms")).isZero();
  }

  @Test
  @DisplayName("clients are advertised the loopback client port, never the controller port")
  void advertisesClientListenerOnly() {
    Properties props = BrokerSettings.forNode(9092, 9093, LOG_DIR, Map.of());

    assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
    assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
  }

  @Test
  @DisplayName("a caller's broker property overrides the fixture default")
  void overridesWin() {
    Properties props = BrokerSettings.forNode(9092, 9093, LOG_DIR, Map.of("num.partitions", "3"));

    assertThat(props.getProperty("num.partitions")).isEqualTo("3");
  }
}
