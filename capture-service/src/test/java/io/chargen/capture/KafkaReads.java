package io.chargen.capture;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Finds a record on a topic, for the integration test (KafkaTestClients publishes). */
final class KafkaReads {
  private static final Duration POLL = Duration.ofMillis(200);

  private KafkaReads() {}

  /**
   * Reads the topic from the beginning with a fresh group, in order per partition, until a record matches.
   *
   * @return the first matching record
   * @throws AssertionError if none arrives within the timeout
   */
  static ConsumerRecord<String, byte[]> find(String bootstrap, String topic, Duration timeout,
      Predicate<ConsumerRecord<String, byte[]>> match) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "capture-it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (match.test(record)) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no matching record on " + topic + " within " + timeout);
  }
}
