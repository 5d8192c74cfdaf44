package io.chargen.service;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records a {@link RecordLoop} has fetched, one lane per assigned partition: records of one partition are
 * processed in order, one at a time; lanes run side by side up to {@code maxInFlight} records at once, taking turns.
 * So a slow record holds up only its own partition (no head-of-line blocking of the others), and the produce
 * round trip of one record overlaps the work of others, which is where a strictly sequential loop lost its
 * throughput. Completed offsets wait in {@link #completed()} for the next commit. Used on the verticle's context only,
 * except {@link #completed()}, which the consumer's thread drains.
 */
final class PartitionLanes {
  private final RecordAttempts attempts;
  private final int maxInFlight;
  private final Consumer<Throwable> onFatal;
  private final Map<TopicPartition, Lane> lanes = new HashMap<>();
  private final Deque<Lane> waiting = new ArrayDeque<>();
  private final Map<TopicPartition, OffsetAndMetadata> completed = new ConcurrentHashMap<>();
  private int inFlight;

  private final class Lane {
    private final TopicPartition partition;
    private final Deque<ConsumerRecord<String, byte[]>> queue = new ArrayDeque<>();
    private Future<Void> gate;
    private boolean busy;
    private boolean closed;

    Lane(TopicPartition partition, Future<Void> gate) {
      this.partition = partition;
      this.gate = gate;
    }
  }

  /**
   * @param attempts runs one record under the failure policy
   * @param maxInFlight records processed at once across all lanes (1: strictly one at a time)
   * @param onFatal told of a fatal error; the loop then stops
   */
  PartitionLanes(RecordAttempts attempts, int maxInFlight, Consumer<Throwable> onFatal) {
    this.attempts = attempts;
    this.maxInFlight = maxInFlight;
    this.onFatal = onFatal;
  }

  /** @param partition newly assigned @param gate completes when its records may be processed */
  void open(TopicPartition partition, Future<Void> gate) {
    close(Set.of(partition));
    lanes.put(partition, new Lane(partition, gate));
  }

  /** Drops the lanes of revoked or lost partitions: queued records go to their next owner uncommitted. */
  void close(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      Lane lane = lanes.remove(tp);
      if (lane != null) {
        lane.closed = true;
        lane.queue.clear();
      }
      completed.remove(tp);
    }
    waiting.removeIf(l -> l.closed);
  }

  /** @param record a fetched record, appended to its partition's lane */
  void add(ConsumerRecord<String, byte[]> record) {
    Lane lane = lanes.get(new TopicPartition(record.topic(), record.partition()));
    if (lane == null) {
      return; // revoked between fetch and dispatch: the next owner reads it
    }
    lane.queue.add(record);
    schedule(lane);
  }

  /** @param bound queued records above which a partition is paused @return partitions over the bound */
  Set<TopicPartition> backlogged(int bound) {
    return lanes.values().stream().filter(l -> l.queue.size() >= bound).map(l -> l.partition)
        .collect(Collectors.toSet());
  }

  /** Drops every queued record (stopping): only those in flight finish; the rest go to the next owner. */
  void dropQueued() {
    lanes.values().forEach(l -> l.queue.clear());
    waiting.clear();
  }

  /** @return whether no record is being processed */
  boolean idle() {
    return inFlight == 0;
  }

  /** @return partition → next offset to commit; the consumer's thread removes what it committed */
  Map<TopicPartition, OffsetAndMetadata> completed() {
    return completed;
  }

  private void schedule(Lane lane) {
    if (lane.busy || lane.closed || lane.queue.isEmpty() || waiting.contains(lane)) {
      return;
    }
    if (inFlight >= maxInFlight) {
      waiting.add(lane);
      return;
    }
    run(lane);
  }

  private void run(Lane lane) {
    lane.busy = true;
    inFlight++;
    ConsumerRecord<String, byte[]> record = lane.queue.poll();
    lane.gate.compose(v -> attempts.process(record)).onComplete(ar -> {
      lane.busy = false;
      inFlight--;
      if (ar.succeeded() && !lane.closed) {
        completed.put(lane.partition, new OffsetAndMetadata(record.offset() + 1));
      } else if (ar.failed() && !(ar.cause() instanceof RecordAttempts.Stopping)) {
        onFatal.accept(ar.cause());
        return;
      } else if (ar.failed()) {
        lane.queue.clear(); // stopping: the rest stays uncommitted for the next owner
      }
      Lane next = waiting.poll();
      if (next != null) {
        run(next);
      }
      schedule(lane);
    });
  }
}
