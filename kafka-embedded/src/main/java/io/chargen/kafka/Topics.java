package io.chargen.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Topic creation through the Admin client, shared by every {@link KafkaBroker}. */
final class Topics {

  private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

  /** Creating a handful of single-partition topics on a local broker takes well under a second. */
  private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

  private Topics() {
  }

  /**
   * Creates each topic unless it exists. Tests of one JVM share one broker, so a second test creating the same topic
   * is expected and not an error.
   */
  static void createMissing(String bootstrapServers, Collection<NewTopic> topics) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      var futures = admin.createTopics(topics).values();
      for (var entry : futures.entrySet()) {
        awaitCreated(entry.getKey(), entry.getValue());
      }
    }
  }

  private static void awaitCreated(String topic, KafkaFuture<Void> future) {
    try {
      future.get(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.debug("Created topic {}", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
      }
      LOG.debug("Topic {} exists already", topic);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Topic " + topic + " not created within " + CREATE_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + topic, e);
    }
  }
}
