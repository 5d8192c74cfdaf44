package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kafka-clients call the services make, once each, against the real broker and through the same wrappers
 * ({@link ConsumerThread}, {@link KafkaSender}) and settings ({@link KafkaSettings}): the check that no call is
 * missing from the client version shipped (the failure mode of vertx-kafka-client 5.0 on kafka-clients 4.x). The list
 * is what {@code grep -o 'c\.[a-zA-Z]*('} finds in service-support's main code, plus Micrometer's client metrics.
 */
@ExtendWith(KafkaTestBroker.class)
class KafkaClientCallsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  @DisplayName("every consumer and producer call the code makes exists and works on the shipped client")
  void everyCallWorks(KafkaBroker kafka) {
    String topic = "calls-it";
    kafka.createTopics(List.of(new NewTopic(topic, 2, (short) 1)));
    TopicPartition p0 = new TopicPartition(topic, 0);
    Vertx vertx = Vertx.vertx();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try {
      KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "calls-it");
      BrokerContact contact = new BrokerContact();
      KafkaSender producer = new KafkaSender(vertx, settings.producer("out"), "calls-it", contact);
      KafkaClientMetrics producerMetrics = MeterBinders.bindProducer(registry, producer.unwrap());
      assertThat(Await.result(producer.partitionsFor(topic), TIMEOUT)).hasSize(2);
      Await.result(producer.send(new ProducerRecord<>(topic, 0, "k", "v".getBytes(StandardCharsets.UTF_8))),
          TIMEOUT);

      ConsumerThread reader = new ConsumerThread(vertx, settings.reader("calls"), "calls-reader");
      KafkaClientMetrics readerMetrics = MeterBinders.bindConsumer(registry, reader.unwrap());
      Long position = Await.result(reader.call(c -> {
        assertThat(c.partitionsFor(topic, WAIT)).hasSize(2);
        c.assign(Set.of(p0));
        c.seekToEnd(Set.of(p0));
        c.seekToBeginning(Set.of(p0));
        assertThat(c.endOffsets(Set.of(p0), WAIT)).containsEntry(p0, 1L);
        c.pause(List.of(p0));
        assertThat(c.paused()).containsExactly(p0);
        c.resume(List.of(p0));
        ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
        for (long end = System.nanoTime() + WAIT.toNanos(); records.isEmpty() && System.nanoTime() < end; ) {
          records = c.poll(Duration.ofMillis(200));
        }
        assertThat(records.count()).isEqualTo(1);
        return c.position(p0);
      }), TIMEOUT);
      assertThat(position).isEqualTo(1L);

      ConsumerThread member = new ConsumerThread(vertx, settings.consumer("calls-it-group", 10), "calls-member");
      Await.result(member.call(c -> {
        c.subscribe(List.of(topic));
        for (long end = System.nanoTime() + WAIT.toNanos(); c.assignment().isEmpty() && System.nanoTime() < end; ) {
          c.poll(Duration.ofMillis(200));
        }
        assertThat(c.assignment()).contains(p0);
        c.commitSync(Map.of(p0, new OffsetAndMetadata(1)));
        return null;
      }), TIMEOUT);
      member.wakeup();
      String woken = Await.result(member.<String>call(c -> {
        try {
          c.poll(Duration.ofSeconds(5));
          return "not woken";
        } catch (WakeupException e) {
          return "woken";
        }
      }), TIMEOUT);
      assertThat(woken).isEqualTo("woken");

      assertThat(registry.getMeters()).as("Micrometer's Kafka client metrics bound").isNotEmpty();
      readerMetrics.close();
      producerMetrics.close();
      Await.result(member.close(), TIMEOUT);
      Await.result(reader.close(), TIMEOUT);
      Await.result(producer.close(Duration.ofSeconds(5)), TIMEOUT);
    } finally {
      Await.result(vertx.close(), TIMEOUT);
    }
  }
}
