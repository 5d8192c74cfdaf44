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

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
