package io.chargen.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Tracks promises that complete once a group-less reader's positions reach given end offsets. The reader calls
 * {@link #check()} after each poll; positions are only asked for while someone waits.
 */
final class CatchUp {
  private final KafkaReadStream<String, byte[]> consumer;
  private final List<Waiter> waiters = new ArrayList<>();
  private Set<TopicPartition> partitions = Set.of();

  private record Waiter(Map<TopicPartition, Long> targets, Promise<Void> promise) {}

  CatchUp(KafkaReadStream<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  void partitions(Set<TopicPartition> assigned) {
    this.partitions = Set.copyOf(assigned);
  }

  /** @return completes once every partition's position reaches its end offset as of now */
  Future<Void> toEndOffsets() {
    return consumer.endOffsets(partitions).compose(ends -> {
      Promise<Void> promise = Promise.promise();
      waiters.add(new Waiter(Map.copyOf(ends), promise));
      return promise.future();
    });
  }

  /** @return completes when the waiters that are caught up have been released */
  Future<Void> check() {
    if (waiters.isEmpty()) {
      return Future.succeededFuture();
    }
    List<TopicPartition> order = List.copyOf(partitions);
    List<Future<Long>> positions = order.stream().map(consumer::position).toList();
    return Future.all(positions).map(all -> {
      List<Waiter> released = new ArrayList<>();
      for (Waiter waiter : waiters) {
        boolean caughtUp = true;
        for (int i = 0; i < order.size(); i++) {
          Long target = waiter.targets().get(order.get(i));
          caughtUp &= target == null || positions.get(i).result() >= target;
        }
        if (caughtUp) {
          released.add(waiter);
        }
      }
      waiters.removeAll(released);
      released.forEach(w -> w.promise().tryComplete());
      return null;
    });
  }
}
