package io.chargen.capture;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.service.FailurePolicy;
import io.chargen.service.TopicPartitions;
import io.chargen.service.FatalException;
import io.chargen.service.KafkaSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code chargen.queries} (ids become pending) and {@code chargen.classifications} (ids become answered)
 * without a consumer group: every replica assigns itself all partitions and reads from the end as of start-up, so
 * any replica answers {@code GET /v1/queries/{id}} for queries published after it started. Results arrive after
 * their query, so nothing older is needed. A bad result is counted and logged, never dead-lettered: this service
 * does not own the topic.
 */
public final class ClassificationReader {
  private static final Logger LOG = LoggerFactory.getLogger(ClassificationReader.class);
  private static final List<String> TOPICS = List.of(Topics.QUERIES.topic(), Topics.CLASSIFICATIONS.topic());
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  /** Waits for the topics to exist (e.g. while the broker is created alongside the service): 60 × 500 ms. */
  private static final long RETRY_DELAY_MS = 500;

  private final Vertx vertx;
  private final KafkaReadStream<String, byte[]> consumer;
  private final QueryResults results;
  private final CaptureMetrics metrics;
  private final Promise<Void> failure = Promise.promise();
  private volatile boolean ready;
  private volatile boolean stopping;

  /**
   * @param vertx the Vert.x instance
   * @param kafka client settings
   * @param results what it feeds
   * @param metrics counts results read
   */
  public ClassificationReader(Vertx vertx, KafkaSettings kafka, QueryResults results, CaptureMetrics metrics) {
    this.vertx = vertx;
    this.consumer = KafkaReadStream.create(vertx, kafka.reader("classifications"));
    this.results = results;
    this.metrics = metrics;
  }

  /** @return completes once every partition's position is at its end, i.e. later records will be seen */
  public Future<Void> start() {
    return TopicPartitions.of(vertx, consumer, TOPICS.get(0))
        .compose(queries -> TopicPartitions.of(vertx, consumer, TOPICS.get(1)).map(answers -> {
          Set<TopicPartition> all = new HashSet<>(queries);
          all.addAll(answers);
          return all;
        }))
        .compose(all -> consumer.assign(all)
            .compose(v -> consumer.seekToEnd(all))
            // seekToEnd is lazy: resolve every position now, so a result produced after start() is never skipped.
            .compose(v -> Future.all(all.stream().map(consumer::position).toList()))
            .map(v -> all))
        .map(all -> {
          LOG.info("following {} from their ends: {} partitions", TOPICS, all.size());
          ready = true;
          pollOnce();
          return null;
        });
  }

  /** @return whether it is assigned and positioned */
  public boolean isReady() {
    return ready;
  }

  /** @return fails if reading stopped on a fatal error */
  public Future<Void> failure() {
    return failure.future();
  }

  /** @return the native consumer, for its client metrics */
  public org.apache.kafka.clients.consumer.Consumer<String, byte[]> unwrap() {
    return consumer.unwrap();
  }

  /** @return completes when the consumer is closed */
  public Future<Void> stop() {
    stopping = true;
    ready = false;
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
            LOG.error("classification reader stops", e);
            ready = false;
            failure.tryFail(e);
          } else if (!stopping) {
            LOG.warn("poll of {} failed; retrying", TOPICS, e);
            vertx.setTimer(RETRY_DELAY_MS, id -> pollOnce());
          }
        });
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(TOPICS.get(0))) {
      if (record.key() != null) {
        results.pending(record.key()); // the query id; no need to parse the trajectory
      }
      return;
    }
    try {
      ClassificationResult result = ClassificationResult.parseFrom(record.value() == null ? new byte[0]
          : record.value());
      SchemaVersions.require("ClassificationResult", result.getSchemaVersion());
      if (result.getQueryId().isEmpty()) {
        throw new IllegalArgumentException("query_id is empty");
      }
      results.answered(result);
      metrics.classificationsRead(true).increment();
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      metrics.classificationsRead(false).increment();
      LOG.warn("skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }
}
