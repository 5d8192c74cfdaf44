package io.chargen.launcher;

import io.chargen.proto.Topics;
import io.chargen.proto.v1.GenerationRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Poison records written straight to the input topics, as a buggy or hostile producer would. */
final class ChaosKafka {
  /** The size that stopped every consumer: just under the broker's 1 MiB message limit. */
  static final int NEAR_LIMIT_BYTES = 1_048_400;
  private static final List<Topics> INPUTS = List.of(Topics.EXAMPLES, Topics.QUERIES, Topics.GENERATION_REQUESTS);
  private final String bootstrap;

  ChaosKafka(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** @return what was injected and whether each input topic's DLQ received every poison record */
  Map<String, Object> poisonRecords(Runnable stillServes) throws Exception {
    Map<String, Long> before = deadLetters();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1_048_576),
        new StringSerializer(), new ByteArraySerializer())) {
      for (Topics t : INPUTS) {
        producer.send(new ProducerRecord<>(t.topic(), "poison-big", new byte[NEAR_LIMIT_BYTES])).get();
        producer.send(new ProducerRecord<>(t.topic(), "poison-null", null)).get();
        producer.send(new ProducerRecord<>(t.topic(), "poison-garbage", new byte[] {(byte) 0xff, 1, 2})).get();
      }
      GenerationRequest unknown = GenerationRequest.newBuilder().setSchemaVersion(1).setId("poison-unknown")
          .putMix("no-such-concept", 1).setSteps(10).build();
      producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS.topic(), unknown.getId(), unknown.toByteArray()))
          .get();
    }
    Map<String, Long> expected = INPUTS.stream().collect(Collectors.toMap(Topics::deadLetterTopic,
        t -> before.get(t.deadLetterTopic()) + (t == Topics.GENERATION_REQUESTS ? 4 : 3)));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, Long> after = deadLetters();
    while (!after.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      after = deadLetters();
    }
    stillServes.run();
    return ChaosProbes.result("poison records", "to each of chargen.examples, .queries, .generation-requests: a "
        + NEAR_LIMIT_BYTES + "-byte value, a null value, unparsable bytes; and a generation request naming an "
        + "unknown concept", Map.of("dead_letters_before", before, "dead_letters_after", after,
        "expected_after", expected), after.equals(expected));
  }

  private Map<String, Long> deadLetters() {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = INPUTS.stream().map(t -> new TopicPartition(t.deadLetterTopic(), 0)).toList();
      return consumer.endOffsets(partitions, Duration.ofSeconds(10)).entrySet().stream()
          .collect(Collectors.toMap(e -> e.getKey().topic(), Map.Entry::getValue));
    }
  }
}
