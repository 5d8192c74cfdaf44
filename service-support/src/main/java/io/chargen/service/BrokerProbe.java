package io.chargen.service;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real broker round trip from a consumer's thread: a {@code ListOffsets} request for one partition. A consumer's
 * {@code poll} returns empty, not an error, while the broker is unreachable, and {@code partitionsFor} answers from
 * cached metadata, so neither can tell readiness the broker is gone.
 */
final class BrokerProbe {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);

  private BrokerProbe() {}

  /**
   * @param consumer the consumer, on its own thread
   * @param partitions partitions it knows of; the probe asks for the first one's end offset
   * @param contact told when the broker answered
   */
  static void probe(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, BrokerContact contact) {
    if (partitions.isEmpty()) {
      return;
    }
    try {
      consumer.endOffsets(List.of(partitions.iterator().next()), BrokerContact.PROBE_TIMEOUT);
      contact.reached();
    } catch (TimeoutException e) {
      LOG.debug("broker probe timed out after {}", BrokerContact.PROBE_TIMEOUT);
    }
  }
}
