package io.chargen.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of a topic, for group-less readers that assign themselves (concept store, result readers). A topic
 * may be created just after a service starts (the embedded broker, a Strimzi topic operator), so the lookup is
 * retried for a while before it is fatal.
 */
public final class TopicPartitions {
  /** Lookups before a missing topic is fatal: 60 × 500 ms = 30 s. */
  public static final int LOOKUPS = 60;
  /** Pause between lookups. */
  public static final long DELAY_MS = 500;

  private TopicPartitions() {}

  /**
   * @param vertx for the retry timer
   * @param consumer the reader
   * @param topic the topic
   * @return its partitions; fails with a {@link FatalException} if the topic still does not exist after
   *     {@value #LOOKUPS} lookups
   */
  public static Future<List<TopicPartition>> of(Vertx vertx, KafkaReadStream<?, ?> consumer, String topic) {
    return lookup(vertx, consumer, topic, 1, LOOKUPS);
  }

  /**
   * @param consumer the reader
   * @param topic a topic that may legitimately not exist (e.g. a DLQ nobody wrote to yet)
   * @return its partitions, or none if it does not exist now (one lookup, no retry timer)
   */
  public static Future<List<TopicPartition>> ifExists(KafkaReadStream<?, ?> consumer, String topic) {
    return lookup(null, consumer, topic, 1, 1);
  }

  private static Future<List<TopicPartition>> lookup(Vertx vertx, KafkaReadStream<?, ?> consumer, String topic,
      int attempt, int attempts) {
    return consumer.partitionsFor(topic).compose(infos -> {
      if (infos != null && !infos.isEmpty()) {
        return Future.succeededFuture(infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList());
      }
      if (attempt >= attempts) {
        return attempts == 1 ? Future.succeededFuture(List.of())
            : Future.failedFuture(new FatalException("topic " + topic + " does not exist"));
      }
      Promise<List<TopicPartition>> later = Promise.promise();
      vertx.setTimer(DELAY_MS, id -> lookup(vertx, consumer, topic, attempt + 1, attempts).onComplete(later));
      return later.future();
    });
  }
}
