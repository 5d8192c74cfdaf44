package io.chargen.kafka;

import java.util.Collection;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A running Kafka broker that clients can reach: an in-process {@link EmbeddedKafka} or a Testcontainers container.
 * Closing it stops the broker and discards its data (unless an {@link EmbeddedKafka} was given a directory to keep).
 */
public interface KafkaBroker extends AutoCloseable {

  /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:39217}. */
  String bootstrapServers();

  /**
   * Creates the topics that do not exist yet and waits until the broker has created them. Topics are always created
   * explicitly: the brokers run with {@code auto.create.topics.enable=false}.
   */
  default void createTopics(Collection<NewTopic> topics) {
    Topics.createMissing(bootstrapServers(), topics);
  }

  /** Stops the broker; never throws a checked exception. */
  @Override
  void close();
}
