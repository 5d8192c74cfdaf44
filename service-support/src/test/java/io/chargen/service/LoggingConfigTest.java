package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped log4j2.xml, run in a JVM of its own (the layout is chosen from the environment when logging starts). */
class LoggingConfigTest {
  private record Run(List<String> stdout, List<String> stderr) {}

  private static Run probe(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LogProbeMain.class.getName());
    pb.environment().remove(LogFormat.VARIABLE);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("probe exit; stderr: %s", new String(err, StandardCharsets.UTF_8)).isZero();
    return new Run(lines(out), lines(err));
  }

  private static List<String> lines(byte[] bytes) {
    return Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList();
  }

  @Test
  @DisplayName("CHARGEN_LOG_FORMAT=json: one JSON object per line on stderr, a record's line with its position and trace")
  void jsonLines() throws Exception {
    Run run = probe(Map.of(LogFormat.VARIABLE, "json"));

    assertThat(run.stdout()).containsExactly("stdout stays clean");
    assertThat(run.stderr()).hasSize(2);
    JsonObject about = new JsonObject(run.stderr().get(0));
    assertThat(about.getString("message")).isEqualTo("about chargen.queries-3@42 key=q-1");
    assertThat(about.getString("log.level")).isEqualTo("WARN");
    assertThat(about.getString("log.logger")).isEqualTo("io.chargen.probe");
    assertThat(about.getString(RecordMdc.TOPIC)).isEqualTo("chargen.queries");
    assertThat(about.getString(RecordMdc.PARTITION)).isEqualTo("3");
    assertThat(about.getString(RecordMdc.OFFSET)).isEqualTo("42");
    assertThat(about.getString(RecordMdc.KEY)).isEqualTo("q-1");
    assertThat(about.getString(RecordMdc.TRACE_ID)).isEqualTo(LogProbeMain.TRACE);
    assertThat(about.getString(RecordMdc.SPAN_ID)).isEqualTo(LogProbeMain.SPAN);
    assertThat(about.getString("@timestamp")).isNotBlank();
    JsonObject outside = new JsonObject(run.stderr().get(1));
    assertThat(outside.containsKey(RecordMdc.KEY)).as("the record's context ends with its step").isFalse();
    assertThat(outside.getString("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(outside.getString("error.stack_trace")).contains("boom");
  }

  @Test
  @DisplayName("unset: readable text lines on stderr, the record's position in the message")
  void textByDefault() throws Exception {
    Run run = probe(Map.of());

    assertThat(run.stdout()).containsExactly("stdout stays clean");
    assertThat(run.stderr().get(0)).matches(
        "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[main] WARN  probe - about chargen.queries-3@42 key=q-1");
    assertThat(run.stderr()).anyMatch(l -> l.contains("IllegalStateException: boom"));
  }

  @Test
  @DisplayName("the format is text or json, exactly; another value is refused naming it")
  void formatIsValidated() {
    assertThat(LogFormat.fromEnv(new Env(Map.of()))).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.fromEnv(new Env(Map.of(LogFormat.VARIABLE, "json")))).isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> LogFormat.fromEnv(new Env(Map.of(LogFormat.VARIABLE, "JSON"))))
        .isInstanceOf(ConfigException.class).hasMessage("CHARGEN_LOG_FORMAT=JSON is not one of [text, json] (lower case)");
    assertThatThrownBy(() -> LogFormat.fromEnv(new Env(Map.of(LogFormat.VARIABLE, "xml"))))
        .hasMessageContaining("CHARGEN_LOG_FORMAT=xml");
  }
}
