package io.chargen.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.service.ConfigException;
import io.chargen.service.TestEnvironment;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaptureConfigTest {
  @Test
  @DisplayName("defaults are port 8081 and a broker on localhost:9092")
  void defaults() {
    CaptureConfig config = CaptureConfig.fromEnv(TestEnvironment.of(Map.of()));
    assertThat(config.http().port()).isEqualTo(8081);
    assertThat(config.kafka().bootstrap()).isEqualTo("localhost:9092");
  }

  @Test
  @DisplayName("a bad port is rejected naming the variable and the value")
  void rejectsBadPort() {
    assertThatThrownBy(() -> CaptureConfig.fromEnv(TestEnvironment.of(Map.of("CHARGEN_HTTP_PORT", "eighty"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CHARGEN_HTTP_PORT=eighty");
  }
}
