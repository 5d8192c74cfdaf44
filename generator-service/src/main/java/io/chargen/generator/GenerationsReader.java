package io.chargen.generator;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.GenerationRequest;
import io.chargen.service.FailurePolicy;
import io.chargen.service.TopicPartitions;
import io.chargen.service.FatalException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows what every replica produces, without a consumer group (all partitions assigned, positioned at the end at
 * start, never committed), so any replica answers {@code GET /v1/generations/{id}} and streams every trajectory:
 * {@code chargen.generation-requests} (how many variants a request expects), {@code chargen.generations} (the
 * trajectories) and, when it exists, {@code chargen.generation-requests.dlq} (requests that failed). Records this
 * view cannot parse are logged and skipped: the worker's loop owns those topics and dead-letters them.
 */
final class GenerationsReader {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationsReader.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  /** Waits for the topics to exist (e.g. while they are created alongside the service): 60 × 500 ms. */
  private static final long RETRY_DELAY_MS = 500;

  private final Vertx vertx;
  private final KafkaReadStream<String, byte[]> consumer;
  private final GenerationCache cache;
  private final Consumer<GeneratedTrajectory> onNewTrajectory;
  private final Promise<Void> failure = Promise.promise();
  private volatile boolean started;
  private volatile boolean stopping;

  /**
   * @param vertx the Vert.x instance
   * @param consumer a group-less reader; closed by {@link #stop()}
   * @param cache where requests, trajectories and failures go
   * @param onNewTrajectory called on this reader's context with each trajectory not seen before
   */
  GenerationsReader(Vertx vertx, KafkaReadStream<String, byte[]> consumer, GenerationCache cache,
      Consumer<GeneratedTrajectory> onNewTrajectory) {
    this.vertx = vertx;
    this.consumer = consumer;
    this.cache = cache;
    this.onNewTrajectory = onNewTrajectory;
  }

  /** @return completes when all partitions are assigned and positioned at their current end */
  Future<Void> start() {
    Set<TopicPartition> all = new HashSet<>();
    return TopicPartitions.of(vertx, consumer, Topics.GENERATION_REQUESTS.topic()).map(all::addAll)
        .compose(v -> TopicPartitions.of(vertx, consumer, Topics.GENERATIONS.topic())).map(all::addAll)
        .compose(v -> TopicPartitions.ifExists(consumer, Topics.GENERATION_REQUESTS_DLQ.topic())
            .map(all::addAll))
        .compose(v -> consumer.assign(all))
        .compose(v -> consumer.seekToEnd(all))
        // Resolve the positions now: a lazy seek would skip what is produced before the first poll.
        .compose(v -> Future.all(all.stream().map(consumer::position).toList()))
        .<Void>mapEmpty()
        .onSuccess(v -> {
          LOG.info("following generations from their end: {} partitions", all.size());
          started = true;
          pollOnce();
        });
  }

  /** @return whether it is positioned and polling */
  boolean healthy() {
    return started && !stopping && !failure.future().isComplete();
  }

  /** @return fails if reading stopped on a fatal error */
  Future<Void> failure() {
    return failure.future();
  }

  /** @return completes when the consumer is closed */
  Future<Void> stop() {
    stopping = true;
    failure.tryComplete();
    return consumer.close();
  }


  private void pollOnce() {
    if (stopping) {
      return;
    }
    consumer.poll(POLL_TIMEOUT)
        .onSuccess(records -> {
          records.forEach(this::read);
          pollOnce();
        })
        .onFailure(e -> {
          if (FailurePolicy.isFatal(e)) {
            LOG.error("generations reader stops", e);
            failure.tryFail(e);
          } else if (!stopping) {
            LOG.warn("poll of generation topics failed; retrying", e);
            vertx.setTimer(RETRY_DELAY_MS, id -> pollOnce());
          }
        });
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    try {
      String topic = record.topic();
      if (topic.equals(Topics.GENERATIONS.topic())) {
        GeneratedTrajectory t = GeneratedTrajectory.parseFrom(record.value());
        SchemaVersions.require("GeneratedTrajectory", t.getSchemaVersion());
        if (cache.add(t)) {
          onNewTrajectory.accept(t);
        }
      } else if (topic.equals(Topics.GENERATION_REQUESTS.topic())) {
        GenerationRequest r = GenerationRequest.parseFrom(record.value());
        SchemaVersions.require("GenerationRequest", r.getSchemaVersion());
        cache.expect(r.getId(), r.getVariants());
      } else if (record.key() != null) {
        Header error = record.headers().lastHeader(Topics.ERROR_HEADER);
        cache.fail(record.key(), error == null ? "dead-lettered" : new String(error.value(), StandardCharsets.UTF_8));
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException | NullPointerException e) {
      LOG.warn("skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }
}
