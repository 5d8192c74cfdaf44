package io.chargen.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.chargen.kafka.KafkaTestBroker.Mode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KafkaTestBrokerTest {

  @Test
  @DisplayName("the broker mode is read case-insensitively, surrounding blanks ignored")
  void parsesModes() {
    assertThat(KafkaTestBroker.parseMode("auto")).isEqualTo(Mode.AUTO);
    assertThat(KafkaTestBroker.parseMode(" Embedded ")).isEqualTo(Mode.EMBEDDED);
    assertThat(KafkaTestBroker.parseMode("CONTAINER")).isEqualTo(Mode.CONTAINER);
  }

  @Test
  @DisplayName("an unknown broker mode is rejected with the accepted values and the bad one")
  void rejectsUnknownMode() {
    assertThatIllegalArgumentException().isThrownBy(() -> KafkaTestBroker.parseMode("docker"))
        .withMessage("chargen.kafka.broker/CHARGEN_KAFKA_BROKER must be auto, embedded or container, was 'docker'");
  }
}
