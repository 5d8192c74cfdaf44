package io.chargen.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume loop every service runs: explicit {@code poll} → process the records one by one ({@link RecordHandler},
 * retries and dead letters by {@link RecordAttempts}) → commit the processed offsets → poll again. Offsets are
 * committed only after the side effects, so a crash re-delivers at most the batch in flight (handlers are
 * idempotent). A fatal error stops the loop and fails {@link #failure()}; the service exits non-zero.
 *
 * <p>Create it on the verticle's context (the consumer binds to the context it is created on). Never calls
 * {@code committed()} — with kafka-clients 4.x under vertx-kafka-client 5.0 it hangs.
 */
public final class RecordLoop {
  private static final Logger LOG = LoggerFactory.getLogger(RecordLoop.class);
  /** How long one poll waits for records; also the longest a stop waits for an idle poll to return. */
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

  private final Vertx vertx;
  private final KafkaReadStream<String, byte[]> consumer;
  private final String topic;
  private final FailurePolicy policy;
  private final LoopMetrics metrics;
  private final RecordAttempts attempts;
  private final Promise<Void> exited = Promise.promise();
  private final Promise<Void> failure = Promise.promise();
  private Function<Set<TopicPartition>, Future<Void>> onAssigned = partitions -> Future.succeededFuture();
  private Future<Void> gate = Future.succeededFuture();
  private volatile boolean subscribed;
  private volatile boolean stopping;
  private int pollFailures;

  /**
   * @param vertx the Vert.x instance (timers)
   * @param consumer a group consumer from {@link KafkaSettings#consumer}; closed by {@link #stop()}
   * @param deadLetters where bad records go
   * @param topic the input topic
   * @param handler the processing
   * @param policy retries and failure classes
   * @param metrics the loop's meters
   */
  public RecordLoop(Vertx vertx, KafkaReadStream<String, byte[]> consumer, DeadLetters deadLetters, String topic,
      RecordHandler handler, FailurePolicy policy, LoopMetrics metrics) {
    this.vertx = vertx;
    this.consumer = consumer;
    this.topic = topic;
    this.policy = policy;
    this.metrics = metrics;
    this.attempts = new RecordAttempts(vertx, handler, policy, deadLetters, metrics, () -> stopping);
  }

  /**
   * Sets work to finish after a rebalance assigned partitions and before their records are processed, e.g. letting
   * the {@link ConceptStore} catch up with what the partitions' previous owner published.
   *
   * @param hook assigned partitions → completes when processing may go on
   * @return this loop
   */
  public RecordLoop onAssigned(Function<Set<TopicPartition>, Future<Void>> hook) {
    this.onAssigned = hook;
    return this;
  }

  /** @return completes when the consumer is subscribed (the loop then polls on its own) */
  public Future<Void> start() {
    consumer.partitionsAssignedHandler(partitions -> {
      LOG.info("{} partitions assigned: {}", topic, partitions);
      gate = onAssigned.apply(partitions);
    });
    consumer.partitionsRevokedHandler(partitions -> LOG.info("{} partitions revoked: {}", topic, partitions));
    return consumer.subscribe(Set.of(topic)).onSuccess(v -> {
      subscribed = true;
      LOG.info("subscribed to {}", topic);
      pollOnce();
    });
  }

  /** @return whether the loop is subscribed and running (for the health check) */
  public boolean healthy() {
    return subscribed && !stopping && !failure.future().isComplete();
  }

  /** @return fails when the loop stopped on a fatal error; succeeds after a clean {@link #stop()} */
  public Future<Void> failure() {
    return failure.future();
  }

  /**
   * Stops polling, lets the record in flight finish, commits what was processed and closes the consumer.
   *
   * @return completes when the consumer is closed
   */
  public Future<Void> stop() {
    stopping = true;
    if (!subscribed) {
      exited.tryComplete();
    } else {
      consumer.unwrap().wakeup(); // thread-safe; ends a poll in flight at once
    }
    return exited.future().transform(ar -> consumer.close())
        .onComplete(ar -> failure.tryComplete());
  }

  private void pollOnce() {
    if (stopping) {
      exited.tryComplete();
      return;
    }
    consumer.poll(POLL_TIMEOUT).onComplete(ar -> {
      if (ar.failed()) {
        onPollFailure(ar.cause());
        return;
      }
      pollFailures = 0;
      ConsumerRecords<String, byte[]> records = ar.result();
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      gate.compose(v -> processAll(records.iterator(), done))
          .transform(processed -> commit(done).compose(v -> processed.failed()
              ? Future.<Void>failedFuture(processed.cause()) : Future.<Void>succeededFuture()))
          .onSuccess(v -> pollOnce())
          .onFailure(this::onBatchFailure);
    });
  }

  private Future<Void> processAll(Iterator<ConsumerRecord<String, byte[]>> records,
      Map<TopicPartition, OffsetAndMetadata> done) {
    if (!records.hasNext() || stopping) {
      return Future.succeededFuture();
    }
    ConsumerRecord<String, byte[]> record = records.next();
    return attempts.process(record).compose(v -> {
      done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
      Promise<Void> next = Promise.promise();
      // Go through the context so a long batch of instantly completing records does not grow the stack.
      vertx.runOnContext(x -> processAll(records, done).onComplete(next));
      return next.future();
    });
  }

  private Future<Void> commit(Map<TopicPartition, OffsetAndMetadata> done) {
    if (done.isEmpty()) {
      return Future.succeededFuture();
    }
    return consumer.commit(done).<Void>mapEmpty().recover(e -> {
      metrics.commitFailures().increment();
      LOG.warn("commit of {} failed; those records will be redelivered", done, e);
      return FailurePolicy.isFatal(e) ? Future.failedFuture(e) : Future.succeededFuture();
    });
  }

  private void onBatchFailure(Throwable error) {
    if (error instanceof RecordAttempts.Stopping) {
      pollOnce();
    } else {
      fail(error);
    }
  }

  private void onPollFailure(Throwable error) {
    pollFailures++;
    if (FailurePolicy.isFatal(error) || pollFailures >= policy.maxAttempts()) {
      fail(error);
      return;
    }
    long delay = policy.backoff(pollFailures).toMillis();
    LOG.warn("poll of {} failed ({} in a row), retrying in {} ms", topic, pollFailures, delay, error);
    vertx.setTimer(Math.max(1, delay), id -> pollOnce());
  }

  private void fail(Throwable error) {
    LOG.error("record loop of {} stops on a fatal error", topic, error);
    failure.tryFail(error);
    exited.tryComplete();
  }
}
