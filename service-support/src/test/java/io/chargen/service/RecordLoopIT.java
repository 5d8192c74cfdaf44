package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.proto.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBroker.class)
class RecordLoopIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final FailurePolicy FAST_RETRIES = new FailurePolicy(3, Duration.ofMillis(20), Duration.ofMillis(50));

  private final Vertx vertx = Vertx.vertx();
  private final List<String> processed = new CopyOnWriteArrayList<>();
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private final Map<String, Promise<Void>> held = new ConcurrentHashMap<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** Rejects "bad…", fails "flaky…" once, holds "slow…" until released, records the rest. */
  private Future<Void> handle(ConsumerRecord<String, byte[]> record) {
    String value = new String(record.value(), 0, Math.min(record.value().length, 40), StandardCharsets.UTF_8);
    if (value.startsWith("bad")) {
      throw new BadRecordException("value '" + value + "' is bad");
    }
    if (value.startsWith("flaky") && failedOnce.add(value)) {
      return Future.failedFuture(new IllegalStateException("transient"));
    }
    if (value.startsWith("slow")) {
      Promise<Void> release = Promise.promise();
      held.put(value, release);
      return release.future().onSuccess(v -> processed.add(value));
    }
    processed.add(value);
    return Future.succeededFuture();
  }

  /** The wiring a service's assembly does, minus HTTP. */
  private final class LoopVerticle extends VerticleBase {
    private final KafkaBroker kafka;
    private final String topic;
    private RecordLoop loop;
    private KafkaSender producer;

    LoopVerticle(KafkaBroker kafka, String topic) {
      this.kafka = kafka;
      this.topic = topic;
    }

    @Override
    public Future<?> start() {
      KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "loop-it");
      BrokerContact contact = new BrokerContact();
      producer = new KafkaSender(vertx, settings.producer("dlq"), "loop-it", contact);
      ConsumerThread consumer = new ConsumerThread(vertx, settings.consumer(topic + "-group", 2), "loop-it");
      loop = new RecordLoop(vertx, consumer, new RecordLoop.Input(topic, RecordLoopIT.this::handle, 2, 4),
          new DeadLetters(producer), FAST_RETRIES, new LoopMetrics(registry, topic), contact, Tracing.off());
      return loop.start();
    }

    @Override
    public Future<?> stop() {
      return loop.stop().eventually(() -> producer.close(Duration.ofSeconds(5)));
    }
  }

  @AfterEach
  void closeVertx() {
    Await.result(vertx.close(), TIMEOUT);
  }

  @Test
  @DisplayName("good records are processed, a bad one is dead-lettered with its error, and commits survive a restart")
  void processesDeadLettersAndCommits(KafkaBroker kafka) {
    String topic = create(kafka, "loop-it.input", 2);
    String bootstrap = kafka.bootstrapServers();
    String id = Await.result(vertx.deployVerticle(new LoopVerticle(kafka, topic)), TIMEOUT);
    KafkaTestClients.publish(bootstrap, records(topic, "good-1", "bad-1", "flaky-1", "good-2"));

    Await.until(TIMEOUT, "three good records processed", () -> processed.size() == 3);
    assertThat(processed).containsExactlyInAnyOrder("good-1", "flaky-1", "good-2");
    List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readAll(bootstrap, topic + ".dlq", 1, TIMEOUT);
    assertThat(dead).hasSize(1);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("bad-1");
    assertThat(header(dead.get(0), Topics.ERROR_HEADER)).isEqualTo("value 'bad-1' is bad");
    assertThat(header(dead.get(0), Topics.SOURCE_HEADER)).isEqualTo(topic);
    assertThat(count(topic, "ok")).isEqualTo(3);
    assertThat(count(topic, "invalid")).isEqualTo(1);
    assertThat(registry.get(LoopMetrics.RETRIES).tag("topic", topic).counter().count()).isEqualTo(1);

    Await.result(vertx.undeploy(id), TIMEOUT);
    processed.clear();
    Await.result(vertx.deployVerticle(new LoopVerticle(kafka, topic)), TIMEOUT);
    KafkaTestClients.publish(bootstrap, records(topic, "good-3"));
    Await.until(TIMEOUT, "the new record processed", () -> processed.contains("good-3"));
    assertThat(processed).as("a restarted loop in the same group does not reprocess").containsExactly("good-3");
  }

  @Test
  @DisplayName("poison records do not stop the loop: a value near the size limit and a null value go to the DLQ")
  void poisonRecords(KafkaBroker kafka) {
    String topic = create(kafka, "loop-it.poison", 1);
    String bootstrap = kafka.bootstrapServers();
    Await.result(vertx.deployVerticle(new LoopVerticle(kafka, topic)), TIMEOUT);
    byte[] huge = new byte[1_048_400];
    System.arraycopy("bad-huge".getBytes(StandardCharsets.UTF_8), 0, huge, 0, 8);
    KafkaTestClients.publish(bootstrap, List.of(new ProducerRecord<>(topic, "k", huge),
        new ProducerRecord<>(topic, "tombstone", null)));
    KafkaTestClients.publish(bootstrap, records(topic, "good-after"));

    Await.until(TIMEOUT, "the record after the poison processed", () -> processed.contains("good-after"));
    List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readAll(bootstrap, topic + ".dlq", 2, TIMEOUT);
    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).value()).hasSize(DeadLetters.KEPT_VALUE_BYTES);
    assertThat(header(dead.get(0), DeadLetters.TRUNCATED_HEADER)).startsWith(topic + "/0/0 value=1048400");
    assertThat(header(dead.get(1), Topics.ERROR_HEADER)).startsWith("value is null");
    assertThat(count(topic, "invalid")).isEqualTo(2);
    assertThat(registry.get(LoopMetrics.RETRIES).tag("topic", topic).counter().count())
        .as("no retries for records that can never succeed").isZero();
  }

  @Test
  @DisplayName("a record held up in one partition does not hold up the others, and keeps its own partition's order")
  void noHeadOfLineBlocking(KafkaBroker kafka) {
    String topic = create(kafka, "loop-it.lanes", 2);
    Await.result(vertx.deployVerticle(new LoopVerticle(kafka, topic)), TIMEOUT);
    KafkaTestClients.publish(kafka.bootstrapServers(), List.of(
        new ProducerRecord<>(topic, 0, "a", bytes("slow-0")), new ProducerRecord<>(topic, 0, "a", bytes("after-0")),
        new ProducerRecord<>(topic, 1, "b", bytes("fast-1")), new ProducerRecord<>(topic, 1, "b", bytes("fast-2"))));

    Await.until(TIMEOUT, "partition 1 processed while partition 0 waits",
        () -> processed.containsAll(List.of("fast-1", "fast-2")));
    assertThat(processed).doesNotContain("slow-0", "after-0");
    Await.until(TIMEOUT, "the slow record started", () -> held.containsKey("slow-0"));
    vertx.runOnContext(v -> held.get("slow-0").complete());
    Await.until(TIMEOUT, "partition 0 done", () -> processed.contains("after-0"));
    assertThat(processed.indexOf("slow-0")).isLessThan(processed.indexOf("after-0"));
  }

  private static String create(KafkaBroker kafka, String topic, int partitions) {
    kafka.createTopics(List.of(new NewTopic(topic, partitions, (short) 1), new NewTopic(topic + ".dlq", 1, (short) 1)));
    return topic;
  }

  private double count(String topic, String outcome) {
    return registry.get(LoopMetrics.RECORDS).tag("topic", topic).tag("outcome", outcome).counter().count();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static List<ProducerRecord<String, byte[]>> records(String topic, String... values) {
    return java.util.Arrays.stream(values).map(v -> new ProducerRecord<>(topic, v, bytes(v))).toList();
  }
}
