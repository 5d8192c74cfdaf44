package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  @Test
  @DisplayName("a dead letter keeps key and value and carries the error, source topic and position")
  void deadLetter() {
    byte[] value = {1, 2, 3};
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("chargen.examples", 4, 17L, "a", value);
    ProducerRecord<String, byte[]> dead = DeadLetters.deadLetter(record, "label is empty");
    assertThat(dead.topic()).isEqualTo("chargen.examples.dlq");
    assertThat(dead.key()).isEqualTo("a");
    assertThat(dead.value()).isEqualTo(value);
    assertThat(header(dead, Topics.ERROR_HEADER)).isEqualTo("label is empty");
    assertThat(header(dead, Topics.SOURCE_HEADER)).isEqualTo("chargen.examples");
    assertThat(header(dead, DeadLetters.POSITION_HEADER)).isEqualTo("4/17");
  }

  @Test
  @DisplayName("a very long error is cut so the header stays small")
  void longError() {
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 0L, "k", new byte[0]);
    ProducerRecord<String, byte[]> dead = DeadLetters.deadLetter(record, "x".repeat(10_000));
    assertThat(header(dead, Topics.ERROR_HEADER)).hasSize(2_000);
  }

  @Test
  @DisplayName("a record too large to dead-letter whole is kept truncated, with where the original is and its size")
  void oversize() {
    byte[] value = new byte[1_048_400];
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("chargen.queries", 3, 99L, "k".repeat(1000), value);
    record.headers().add("junk", new byte[10_000]);
    ProducerRecord<String, byte[]> dead = DeadLetters.deadLetter(record, "not a Trajectory");
    assertThat(dead.value()).hasSize(DeadLetters.KEPT_VALUE_BYTES);
    assertThat(dead.key()).hasSize(DeadLetters.KEPT_KEY_CHARS);
    assertThat(dead.headers().lastHeader("junk")).as("original headers are dropped").isNull();
    assertThat(header(dead, DeadLetters.TRUNCATED_HEADER)).startsWith("chargen.queries/3/99 value=1048400 key=1000");
    assertThat(header(dead, Topics.ERROR_HEADER)).isEqualTo("not a Trajectory");
    assertThat(header(dead, DeadLetters.POSITION_HEADER)).isEqualTo("3/99");
  }

  @Test
  @DisplayName("a record just under the limit is dead-lettered whole")
  void underLimit() {
    byte[] value = new byte[KafkaLimits.DEAD_LETTER_BYTES - 20_000];
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 0L, "k", value);
    assertThat(DeadLetters.deadLetter(record, "bad").value()).hasSize(value.length);
    assertThat(DeadLetters.deadLetter(record, "bad").headers().lastHeader(DeadLetters.TRUNCATED_HEADER)).isNull();
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
