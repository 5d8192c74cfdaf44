package io.chargen.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.learn.OneShotSchedule;
import io.chargen.service.ConfigException;
import io.chargen.service.TestEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LearnerConfigTest {
  @Test
  @DisplayName("an empty environment gives the documented defaults")
  void defaults() {
    LearnerConfig config = LearnerConfig.fromEnv(TestEnvironment.of(Map.of()));
    assertThat(config.kafka().bootstrap()).isEqualTo("localhost:9092");
    assertThat(config.http().port()).isEqualTo(8084);
    assertThat(config.model()).isEqualTo(Path.of("models/base.cgm"));
    assertThat(config.schedule()).isEqualTo(OneShotSchedule.FAST);
    assertThat(config.groupId()).isEqualTo("chargen-learner");
  }

  @Test
  @DisplayName("an unknown schedule and a bad port name the variable and value")
  void badValues() {
    assertThatThrownBy(() -> LearnerConfig.fromEnv(TestEnvironment.of(Map.of("CHARGEN_ONE_SHOT_SCHEDULE", "slow"))))
        .isInstanceOf(ConfigException.class).hasMessage("CHARGEN_ONE_SHOT_SCHEDULE=slow is not one of [fast, paper]");
    assertThatThrownBy(() -> LearnerConfig.fromEnv(TestEnvironment.of(Map.of("CHARGEN_HTTP_PORT", "abc"))))
        .isInstanceOf(ConfigException.class).hasMessage("CHARGEN_HTTP_PORT=abc is not an integer");
    assertThat(LearnerConfig.fromEnv(TestEnvironment.of(Map.of("CHARGEN_ONE_SHOT_SCHEDULE", "PAPER"))).schedule())
        .isEqualTo(OneShotSchedule.PAPER);
  }
}
