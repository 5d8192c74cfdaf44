package io.chargen.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics without a consumer group: assigns itself every partition, starts at the beginning (a store such as
 * {@code chargen.concepts}) or at the end as of start (result readers), never commits, and hands every record to
 * its handler on the verticle's context. The one reader of the concept store and of every result topic, so a fix to
 * reading lands once. A topic may be created just after the service starts (embedded broker, Strimzi's topic
 * operator), so required topics are looked up {@value #LOOKUPS} times before that is fatal.
 */
public final class TopicFollower {
  /** Where reading starts. */
  public enum From { BEGINNING, END }

  /** Lookups of a required topic before a missing topic is fatal: 60 × 500 ms = 30 s. */
  static final int LOOKUPS = 60;
  private static final long LOOKUP_DELAY_MS = 500;
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

  private final Vertx vertx;
  private final ConsumerThread consumer;
  private final String name;
  private final BrokerContact contact;
  private final Consumer<ConsumerRecord<String, byte[]>> handler;
  private final List<Waiter> waiters = new ArrayList<>();
  private final Promise<Void> failure = Promise.promise();
  private Set<TopicPartition> assigned = Set.of();
  private Future<Void> ready = Future.failedFuture("not started");
  private volatile boolean stopping;

  private record Waiter(Map<TopicPartition, Long> targets, Promise<Void> promise) {}

  private record Batch(ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> positions) {}

  /**
   * @param vertx the Vert.x instance; create on the verticle's context
   * @param kafka client settings
   * @param name the purpose, e.g. {@code concepts}: client id and thread name
   * @param contact told of every broker round trip
   * @param handler called on the verticle's context with each record, in partition order
   */
  public TopicFollower(Vertx vertx, KafkaSettings kafka, String name, BrokerContact contact,
      Consumer<ConsumerRecord<String, byte[]>> handler) {
    this.vertx = vertx;
    this.consumer = new ConsumerThread(vertx, kafka.reader(name), kafka.clientId() + "-" + name);
    this.name = name;
    this.contact = contact;
    this.handler = handler;
  }

  /**
   * @param from where to start
   * @param required topics that must exist (waited for)
   * @param optional topics read if they exist now (e.g. a dead-letter topic nobody wrote to yet)
   * @return completes once positioned; from the beginning, once caught up with the end offsets found at start
   */
  public Future<Void> start(From from, List<String> required, List<String> optional) {
    Set<TopicPartition> all = new HashSet<>();
    Future<Void> found = Future.succeededFuture();
    for (String topic : required) {
      found = found.compose(v -> lookup(topic, 1, LOOKUPS)).map(all::addAll).mapEmpty();
    }
    for (String topic : optional) {
      found = found.compose(v -> lookup(topic, 1, 1)).map(all::addAll).mapEmpty();
    }
    ready = found.compose(v -> consumer.call(c -> {
      c.assign(all);
      if (from == From.BEGINNING) {
        c.seekToBeginning(all);
      } else {
        c.seekToEnd(all);
      }
      all.forEach(c::position); // resolve lazy seeks now: a record produced before the first poll is not skipped
      contact.reached();
      return null;
    })).compose(v -> {
      assigned = Set.copyOf(all);
      LOG.info("{}: following {} partitions from the {}", name, all.size(), from.name().toLowerCase());
      pollOnce();
      return from == From.BEGINNING ? catchUp() : Future.<Void>succeededFuture();
    });
    return ready;
  }

  /** @return completes once every partition's position reaches its end offset as of now */
  public Future<Void> catchUp() {
    return consumer.call(c -> c.endOffsets(assigned, METADATA_TIMEOUT)).compose(ends -> {
      Promise<Void> promise = Promise.promise();
      waiters.add(new Waiter(Map.copyOf(ends), promise));
      return promise.future();
    });
  }

  /** @return whether {@link #start} completed and reading goes on */
  public boolean isReady() {
    return ready.succeeded() && !stopping && !failure.future().isComplete();
  }

  /** @return fails if reading stopped on a fatal error */
  public Future<Void> failure() {
    return failure.future();
  }

  /** @return the consumer, for client metrics */
  public ConsumerThread consumer() {
    return consumer;
  }

  /** @return completes when the consumer is closed */
  public Future<Void> stop() {
    stopping = true;
    consumer.wakeup();
    failure.tryComplete();
    return consumer.close();
  }

  private Future<List<TopicPartition>> lookup(String topic, int attempt, int attempts) {
    return consumer.call(c -> c.partitionsFor(topic, METADATA_TIMEOUT)).recover(e -> FailurePolicy.isFatal(e)
        ? Future.failedFuture(e) : Future.succeededFuture(List.<PartitionInfo>of())).compose(infos -> {
          if (infos != null && !infos.isEmpty()) {
            return Future.succeededFuture(infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList());
          }
          if (attempt >= attempts) {
            return attempts == 1 ? Future.succeededFuture(List.of())
                : Future.failedFuture(new FatalException("topic " + topic + " does not exist"));
          }
          Promise<List<TopicPartition>> later = Promise.promise();
          vertx.setTimer(LOOKUP_DELAY_MS, id -> lookup(topic, attempt + 1, attempts).onComplete(later));
          return later.future();
        });
  }

  private void pollOnce() {
    if (stopping) {
      return;
    }
    consumer.call(this::poll).onComplete(ar -> {
      if (ar.succeeded()) {
        ar.result().records().forEach(this::read);
        release(ar.result().positions());
        pollOnce();
      } else if (ar.cause() instanceof WakeupException || stopping) {
        pollOnce();
      } else if (FailurePolicy.isFatal(ar.cause())) {
        LOG.error("{}: reading stops on a fatal error", name, ar.cause());
        failure.tryFail(ar.cause());
      } else {
        LOG.warn("{}: poll failed; retrying", name, ar.cause());
        vertx.setTimer(LOOKUP_DELAY_MS, id -> pollOnce());
      }
    });
  }

  /** Runs on the consumer's thread. */
  private Batch poll(org.apache.kafka.clients.consumer.Consumer<String, byte[]> c) {
    if (contact.probeDue()) {
      BrokerProbe.probe(c, assigned, contact);
    }
    ConsumerRecords<String, byte[]> records = c.poll(POLL_TIMEOUT);
    Map<TopicPartition, Long> positions = new HashMap<>();
    for (TopicPartition tp : assigned) {
      positions.put(tp, c.position(tp));
    }
    return new Batch(records, positions);
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    RecordMdc.run(record, Tracing.spanContext(record.headers()), () -> {
      try {
        handler.accept(record);
      } catch (RuntimeException e) { // a reader's bug must not stop the follower, nor hide
        LOG.error("{}: handler failed on {}", name, RecordAttempts.position(record), e);
      }
    });
  }

  private void release(Map<TopicPartition, Long> positions) {
    waiters.removeIf(w -> {
      boolean caughtUp = w.targets().entrySet().stream()
          .allMatch(t -> positions.getOrDefault(t.getKey(), Long.MAX_VALUE) >= t.getValue());
      if (caughtUp) {
        w.promise().tryComplete();
      }
      return caughtUp;
    });
  }
}
