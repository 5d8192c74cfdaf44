package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
      + "username=\"learner\" password=\"s3cret\";";

  @Test
  @DisplayName("security variables become Kafka client settings of every client, and the password is never printed")
  void securityFromEnvironment() {
    KafkaSettings settings = KafkaSettings.fromEnv(new Env(Map.of(
        "CHARGEN_KAFKA_BOOTSTRAP", "kafka:9093", "CHARGEN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "CHARGEN_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "CHARGEN_KAFKA_SASL_JAAS_CONFIG", JAAS,
        "CHARGEN_KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
        "CHARGEN_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/chargen/kafka-ca/ca.crt")), "learner");
    for (Map<String, Object> client : java.util.List.of(settings.consumer("g", 10), settings.reader("concepts"),
        settings.producer("concepts"))) {
      assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("sasl.jaas.config", JAAS).containsEntry("ssl.truststore.type", "PEM")
          .containsEntry("ssl.truststore.location", "/etc/chargen/kafka-ca/ca.crt");
    }
    assertThat(settings.toString()).doesNotContain("s3cret").contains("sasl.jaas.config");
  }

  @Test
  @DisplayName("without security variables the clients are plaintext, as on the embedded broker")
  void plaintextByDefault() {
    KafkaSettings settings = KafkaSettings.fromEnv(new Env(Map.of()), "capture");
    assertThat(settings.bootstrap()).isEqualTo("localhost:9092");
    assertThat(settings.producer("p")).doesNotContainKey("security.protocol");
  }

  @Test
  @DisplayName("an unknown security protocol is a configuration error naming the variable and value")
  void badProtocol() {
    assertThatThrownBy(() -> KafkaSettings.fromEnv(new Env(Map.of("CHARGEN_KAFKA_SECURITY_PROTOCOL", "TLS")), "x"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CHARGEN_KAFKA_SECURITY_PROTOCOL=TLS");
  }
}
