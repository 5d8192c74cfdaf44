package io.chargen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBroker.class)
class ProduceConsumeIT {

  private static final String TOPIC = "fixture.roundtrip";
  private static final String GROUP = "fixture-roundtrip-group";
  private static final int RECORDS = 100;
  private static final int MORE_RECORDS = 10;

  @BeforeAll
  static void createTopic(KafkaBroker kafka) {
    kafka.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)));
  }

  @Test
  @DisplayName("a consumer group reads back all produced records, and its next member resumes after the commit")
  void secondConsumerResumesAfterCommittedOffset(KafkaBroker kafka) {
    Clients.produce(kafka, TOPIC, 0, RECORDS);

    try (var first = Clients.consumer(kafka, GROUP)) {
      first.subscribe(List.of(TOPIC));
      List<ConsumerRecord<String, String>> received = Clients.receive(first, RECORDS);
      assertThat(received).extracting(ConsumerRecord::value)
          .containsExactlyElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> "value-" + i).toList());
      first.commitSync();
    }

    Clients.produce(kafka, TOPIC, RECORDS, MORE_RECORDS);
    try (var second = Clients.consumer(kafka, GROUP)) {
      second.subscribe(List.of(TOPIC));
      List<ConsumerRecord<String, String>> received = Clients.receive(second, MORE_RECORDS);
      assertThat(received).extracting(ConsumerRecord::offset)
          .containsExactlyElementsOf(IntStream.range(RECORDS, RECORDS + MORE_RECORDS).mapToObj(i -> (long) i).toList());
      assertThat(second.position(new TopicPartition(TOPIC, 0))).isEqualTo(RECORDS + MORE_RECORDS);
    }
  }
}
