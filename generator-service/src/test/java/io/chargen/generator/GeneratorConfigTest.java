package io.chargen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.service.ConfigException;
import io.chargen.service.TestEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {
  @Test
  @DisplayName("an empty environment gives the documented defaults")
  void defaults() {
    GeneratorConfig config = GeneratorConfig.fromEnv(TestEnvironment.of(Map.of()));
    assertThat(config.kafka().bootstrap()).isEqualTo("localhost:9092");
    assertThat(config.http().port()).isEqualTo(8082);
    assertThat(config.model()).isEqualTo(Path.of("models", "base.cgm"));
    assertThat(config.groupId()).isEqualTo("chargen-generator");
  }

  @Test
  @DisplayName("a bad variable fails naming the variable and its value")
  void badValues() {
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(TestEnvironment.of(Map.of("CHARGEN_HTTP_PORT", "abc"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CHARGEN_HTTP_PORT=abc");
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(TestEnvironment.of(Map.of("CHARGEN_KAFKA_BOOTSTRAP", "nowhere"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CHARGEN_KAFKA_BOOTSTRAP=nowhere");
  }
}
