package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnvTest {
  enum Mode { FAST, PAPER }

  @Test
  @DisplayName("unset and blank variables give the documented defaults")
  void defaults() {
    Env env = new Env(Map.of("CHARGEN_BLANK", "  "));
    assertThat(env.string("CHARGEN_X", "d")).isEqualTo("d");
    assertThat(env.string("CHARGEN_BLANK", "d")).isEqualTo("d");
    assertThat(env.port("CHARGEN_HTTP_PORT", 8084)).isEqualTo(8084);
    assertThat(env.path("CHARGEN_MODEL", Path.of("models/base.cgm"))).isEqualTo(Path.of("models/base.cgm"));
    assertThat(env.choice("CHARGEN_MODE", Mode.FAST, Mode.class)).isEqualTo(Mode.FAST);
    assertThat(env.millis("CHARGEN_WAIT_MS", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("every variable asked for is remembered with the code's default as text, also when it was set")
  void remembersDefaultsAsked() {
    Env env = new Env(Map.of("CHARGEN_HTTP_PORT", "9000"));
    env.port("CHARGEN_HTTP_PORT", 8084);
    env.path("CHARGEN_MODEL", Path.of("models", "base.cgm"));
    env.choice("CHARGEN_MODE", Mode.PAPER, Mode.class);
    env.millis("CHARGEN_WAIT_MS", Duration.ofSeconds(2));
    env.string("CHARGEN_SECRET", "");
    assertThat(env.defaultsAsked()).containsExactlyInAnyOrderEntriesOf(Map.of("CHARGEN_HTTP_PORT", "8084",
        "CHARGEN_MODEL", Path.of("models", "base.cgm").toString(), "CHARGEN_MODE", "paper",
        "CHARGEN_WAIT_MS", "2000", "CHARGEN_SECRET", ""));
  }

  @Test
  @DisplayName("set variables are parsed, trimmed and case-insensitive for choices")
  void values() {
    Env env = new Env(Map.of("CHARGEN_HTTP_PORT", " 9000 ", "CHARGEN_MODE", "Paper", "CHARGEN_X", " y "));
    assertThat(env.port("CHARGEN_HTTP_PORT", 8084)).isEqualTo(9000);
    assertThat(env.choice("CHARGEN_MODE", Mode.FAST, Mode.class)).isEqualTo(Mode.PAPER);
    assertThat(env.string("CHARGEN_X", "d")).isEqualTo("y");
  }

  @Test
  @DisplayName("a port that is not an integer names the variable and the value")
  void notAnInteger() {
    Env env = new Env(Map.of("CHARGEN_HTTP_PORT", "abc"));
    assertThatThrownBy(() -> env.port("CHARGEN_HTTP_PORT", 8084))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CHARGEN_HTTP_PORT=abc is not an integer");
  }

  @Test
  @DisplayName("a port out of range names the variable, the value and the range")
  void outOfRange() {
    Env env = new Env(Map.of("CHARGEN_HTTP_PORT", "70000"));
    assertThatThrownBy(() -> env.port("CHARGEN_HTTP_PORT", 8084))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CHARGEN_HTTP_PORT=70000 is outside 1..65535");
  }

  @Test
  @DisplayName("an unknown choice names the variable, the value and the allowed values")
  void unknownChoice() {
    Env env = new Env(Map.of("CHARGEN_MODE", "slow"));
    assertThatThrownBy(() -> env.choice("CHARGEN_MODE", Mode.FAST, Mode.class))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CHARGEN_MODE=slow is not one of [fast, paper]");
  }

  @Test
  @DisplayName("a bootstrap without a port names the variable and the value")
  void badBootstrap() {
    Env env = new Env(Map.of(KafkaSettings.BOOTSTRAP_VARIABLE, "localhost"));
    assertThatThrownBy(() -> KafkaSettings.fromEnv(env, "learner"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CHARGEN_KAFKA_BOOTSTRAP=localhost is not a host:port list");
  }

  @Test
  @DisplayName("consumer settings never auto-commit and read bytes")
  void consumerSettings() {
    Map<String, Object> config = new KafkaSettings("h:1", "learner").consumer("g", 10);
    assertThat(config).containsEntry("enable.auto.commit", false)
        .containsEntry("auto.offset.reset", "earliest")
        .containsEntry("group.id", "g")
        .containsEntry("max.poll.records", 10)
        .containsEntry("client.id", "learner-consumer");
    assertThat(new KafkaSettings("h:1", "learner").reader("concepts")).doesNotContainKey("group.id");
  }
}
