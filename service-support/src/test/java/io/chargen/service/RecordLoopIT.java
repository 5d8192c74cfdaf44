package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.proto.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import io.vertx.kafka.client.producer.KafkaWriteStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
  private static final String TOPIC = "loop-it.input";
  private static final FailurePolicy FAST_RETRIES = new FailurePolicy(3, Duration.ofMillis(20), Duration.ofMillis(50));

  private final Vertx vertx = Vertx.vertx();
  private final List<String> processed = new CopyOnWriteArrayList<>();
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** A handler that rejects "bad…" values, fails "flaky…" values once, and records the rest. */
  private Future<Void> handle(ConsumerRecord<String, byte[]> record) {
    String value = new String(record.value(), StandardCharsets.UTF_8);
    if (value.startsWith("bad")) {
      throw new BadRecordException("value '" + value + "' is bad");
    }
    if (value.startsWith("flaky") && failedOnce.add(value)) {
      return Future.failedFuture(new IllegalStateException("transient"));
    }
    processed.add(value);
    return Future.succeededFuture();
  }

  /** The wiring a service verticle does, minus HTTP. */
  private final class LoopVerticle extends VerticleBase {
    private final KafkaBroker kafka;
    private RecordLoop loop;
    private KafkaWriteStream<String, byte[]> producer;

    LoopVerticle(KafkaBroker kafka) {
      this.kafka = kafka;
    }

    @Override
    public Future<?> start() {
      KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "loop-it");
      producer = KafkaWriteStream.create(vertx, settings.producer("dlq"));
      loop = new RecordLoop(vertx, KafkaReadStream.create(vertx, settings.consumer("loop-it-group", 2)),
          new DeadLetters(producer), TOPIC, RecordLoopIT.this::handle, FAST_RETRIES,
          new LoopMetrics(registry, "loopit", TOPIC));
      return loop.start();
    }

    @Override
    public Future<?> stop() {
      return loop.stop().eventually(() -> producer.close());
    }
  }

  @AfterEach
  void closeVertx() {
    Await.result(vertx.close(), TIMEOUT);
  }

  @Test
  @DisplayName("good records are processed, a bad one is dead-lettered with its error, and commits survive a restart")
  void processesDeadLettersAndCommits(KafkaBroker kafka) {
    kafka.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic(TOPIC + ".dlq", 1, (short) 1)));
    String bootstrap = kafka.bootstrapServers();
    String id = Await.result(vertx.deployVerticle(new LoopVerticle(kafka)), TIMEOUT);
    KafkaTestClients.publish(bootstrap, records("good-1", "bad-1", "flaky-1", "good-2"));

    Await.until(TIMEOUT, "three good records processed", () -> processed.size() == 3);
    assertThat(processed).containsExactlyInAnyOrder("good-1", "flaky-1", "good-2");
    List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readAll(bootstrap, TOPIC + ".dlq", 1, TIMEOUT);
    assertThat(dead).hasSize(1);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("bad-1");
    assertThat(new String(dead.get(0).headers().lastHeader(Topics.ERROR_HEADER).value(), StandardCharsets.UTF_8))
        .isEqualTo("value 'bad-1' is bad");
    assertThat(new String(dead.get(0).headers().lastHeader(Topics.SOURCE_HEADER).value(), StandardCharsets.UTF_8))
        .isEqualTo(TOPIC);
    assertThat(registry.get("loopit.records").tag("outcome", "ok").counter().count()).isEqualTo(3);
    assertThat(registry.get("loopit.records").tag("outcome", "invalid").counter().count()).isEqualTo(1);
    assertThat(registry.get("loopit.records.retries").counter().count()).isEqualTo(1);

    long stopStart = System.nanoTime();
    Await.result(vertx.undeploy(id), TIMEOUT);
    System.out.printf("RecordLoopIT: undeploy took %d ms%n", (System.nanoTime() - stopStart) / 1_000_000);
    processed.clear();
    Await.result(vertx.deployVerticle(new LoopVerticle(kafka)), TIMEOUT);
    KafkaTestClients.publish(bootstrap, records("good-3"));
    Await.until(TIMEOUT, "the new record processed", () -> processed.contains("good-3"));
    assertThat(processed).as("a restarted loop in the same group does not reprocess").containsExactly("good-3");
  }

  private static List<ProducerRecord<String, byte[]>> records(String... values) {
    return java.util.Arrays.stream(values)
        .map(v -> new ProducerRecord<>(TOPIC, v, v.getBytes(StandardCharsets.UTF_8))).toList();
  }
}
