package io.chargen.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain kafka-clients producers and consumers for the fixture's integration tests. */
final class Clients {

  /** Far above what a local broker needs; only bounds a test that would otherwise hang. */
  static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);

  private Clients() {
  }

  /** Sends {@code count} records {@code key-i -> value-i}, i from {@code first}, and waits for every ack. */
  static void produce(KafkaBroker kafka, String topic, int first, int count) {
    try (var producer = new KafkaProducer<String, String>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
      for (int i = first; i < first + count; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
      }
      producer.flush();
    }
  }

  /** A consumer in {@code group} reading from the earliest offset, committing only when told to. */
  static KafkaConsumer<String, String> consumer(KafkaBroker kafka, String group) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
  }

  /** Polls until {@code count} records arrived or {@link #RECEIVE_TIMEOUT} passed; returns what arrived. */
  static List<ConsumerRecord<String, String>> receive(KafkaConsumer<String, String> consumer, int count) {
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    long deadline = System.nanoTime() + RECEIVE_TIMEOUT.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      consumer.poll(POLL).forEach(received::add);
    }
    return received;
  }
}
