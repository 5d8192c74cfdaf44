package io.chargen.service;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume loop every service runs. Its consumer lives on its own thread ({@link ConsumerThread}) and cycles:
 * probe the broker if nothing showed contact lately, commit the offsets of records processed since the last cycle,
 * pause partitions with a backlog, poll. Fetched records go to {@link PartitionLanes}: in order per partition, side by
 * side across partitions. Offsets are committed only after a record's side effects (handler, retries, dead letter),
 * so a crash re-delivers at most what was in flight (handlers are idempotent). A fatal error stops the loop and fails
 * {@link #failure()}; the service exits non-zero.
 */
public final class RecordLoop {
  private static final Logger LOG = LoggerFactory.getLogger(RecordLoop.class);
  /** How long one poll waits; also the longest a paused partition waits to be resumed. */
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
  /** Shutdown waits this long for records in flight before it commits and closes. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
  private static final long DRAIN_CHECK_MS = 20;

  private final Vertx vertx;
  private final Context context;
  private final ConsumerThread consumer;
  private final String topic;
  private final FailurePolicy policy;
  private final LoopMetrics metrics;
  private final BrokerContact contact;
  private final PartitionLanes lanes;
  private final int backlogBound;
  private final Promise<Void> failure = Promise.promise();
  private final Promise<Void> exited = Promise.promise();
  private Function<Set<TopicPartition>, Future<Void>> onAssigned = partitions -> Future.succeededFuture();
  private volatile boolean subscribed;
  private volatile boolean stopping;
  private int pollFailures;

  /**
   * @param vertx the Vert.x instance; create on the verticle's context
   * @param consumer a group consumer (from {@link KafkaSettings#consumer}); closed by {@link #stop()}
   * @param input the topic, handler and concurrency
   * @param deadLetters where bad records go
   * @param policy retries and failure classes
   * @param metrics the loop's meters
   * @param contact told of every broker round trip
   * @param tracing a consumer span per record
   */
  public RecordLoop(Vertx vertx, ConsumerThread consumer, Input input, DeadLetters deadLetters, FailurePolicy policy,
      LoopMetrics metrics, BrokerContact contact, Tracing tracing) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.consumer = consumer;
    this.topic = input.topic();
    this.policy = policy;
    this.metrics = metrics;
    this.contact = contact;
    this.backlogBound = input.maxPollRecords();
    RecordAttempts attempts = new RecordAttempts(vertx, input.handler(), policy, deadLetters, metrics,
        () -> stopping, tracing);
    this.lanes = new PartitionLanes(attempts, input.maxInFlight(), this::fail);
  }

  /**
   * What a loop consumes and how.
   *
   * @param topic the input topic
   * @param handler the processing of one record
   * @param maxPollRecords records fetched per poll, and the backlog per partition above which it is paused
   * @param maxInFlight records processed at once across partitions (1 keeps strict one-at-a-time processing)
   */
  public record Input(String topic, RecordHandler handler, int maxPollRecords, int maxInFlight) {}

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
    return consumer.<Void>call(c -> {
      c.subscribe(List.of(topic), new Rebalance(c));
      return null;
    }).onSuccess(v -> {
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

  /** @return the consumer, for client metrics */
  public ConsumerThread consumer() {
    return consumer;
  }

  /**
   * Stops polling, lets the records in flight finish (up to 20 s), commits what was processed and closes the
   * consumer, which leaves the group at once so the partitions move without waiting for a session timeout.
   *
   * @return completes when the consumer is closed
   */
  public Future<Void> stop() {
    stopping = true;
    consumer.wakeup();
    if (!subscribed) {
      exited.tryComplete();
    }
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    return exited.future().compose(v -> {
      lanes.dropQueued();
      return drained(deadline);
    })
        .compose(v -> consumer.<Void>call(c -> {
          commit(c);
          return null;
        }))
        .transform(ar -> consumer.close())
        .onComplete(ar -> failure.tryComplete());
  }

  private Future<Void> drained(long deadline) {
    if (lanes.idle() || System.nanoTime() > deadline) {
      return Future.succeededFuture();
    }
    Promise<Void> later = Promise.promise();
    vertx.setTimer(DRAIN_CHECK_MS, id -> drained(deadline).onComplete(later));
    return later.future();
  }

  private void pollOnce() {
    if (stopping || failure.future().isComplete()) {
      exited.tryComplete();
      return;
    }
    Set<TopicPartition> pause = lanes.backlogged(backlogBound);
    consumer.call(c -> cycle(c, pause)).onComplete(ar -> {
      if (ar.succeeded()) {
        pollFailures = 0;
        ar.result().forEach(lanes::add);
        pollOnce();
      } else if (ar.cause() instanceof WakeupException) {
        pollOnce();
      } else {
        onPollFailure(ar.cause());
      }
    });
  }

  /** One cycle on the consumer's thread. */
  private ConsumerRecords<String, byte[]> cycle(Consumer<String, byte[]> c, Set<TopicPartition> pause) {
    if (contact.probeDue()) {
      BrokerProbe.probe(c, c.assignment().isEmpty() ? List.of(new TopicPartition(topic, 0)) : c.assignment(),
          contact);
    }
    commit(c);
    Set<TopicPartition> assigned = c.assignment();
    Set<TopicPartition> resume = new HashSet<>(c.paused());
    resume.removeAll(pause);
    c.resume(resume);
    c.pause(pause.stream().filter(assigned::contains).toList());
    return c.poll(POLL_TIMEOUT);
  }

  /** Commits completed offsets of partitions still assigned, on the consumer's thread. */
  private void commit(Consumer<String, byte[]> c) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    Set<TopicPartition> assigned = c.assignment();
    lanes.completed().forEach((tp, offset) -> {
      if (assigned.contains(tp)) {
        done.put(tp, offset);
      }
    });
    if (done.isEmpty()) {
      return;
    }
    try {
      c.commitSync(done);
      contact.reached();
      done.forEach((tp, offset) -> lanes.completed().remove(tp, offset));
    } catch (WakeupException e) {
      throw e; // stopping: the final commit follows
    } catch (RuntimeException e) {
      metrics.commitFailures().increment();
      if (FailurePolicy.isFatal(e)) {
        throw e;
      }
      LOG.warn("commit of {} failed; those records will be redelivered if this member loses them", done, e);
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
    if (failure.tryFail(error)) {
      LOG.error("record loop of {} stops on a fatal error", topic, error);
    }
    exited.tryComplete();
  }

  /** Rebalance callbacks, on the consumer's thread inside poll: commit what is done before partitions move. */
  private final class Rebalance implements ConsumerRebalanceListener {
    private final Consumer<String, byte[]> c;

    Rebalance(Consumer<String, byte[]> c) {
      this.c = c;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      LOG.info("{} partitions revoked: {}", topic, partitions);
      commit(c);
      Set<TopicPartition> gone = Set.copyOf(partitions);
      context.runOnContext(v -> lanes.close(gone));
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      LOG.warn("{} partitions lost: {}", topic, partitions);
      Set<TopicPartition> gone = Set.copyOf(partitions);
      context.runOnContext(v -> lanes.close(gone));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.info("{} partitions assigned: {}", topic, partitions);
      Set<TopicPartition> added = Set.copyOf(partitions);
      context.runOnContext(v -> {
        Future<Void> gate = added.isEmpty() ? Future.succeededFuture() : onAssigned.apply(added);
        added.forEach(tp -> lanes.open(tp, gate));
      });
    }
  }
}
