package io.chargen.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker in a Docker container (the official {@code apache/kafka} image, KRaft), configured like
 * {@link EmbeddedKafka}. Every Testcontainers type stays inside this class, so the rest of the fixture loads even
 * when Testcontainers is not on the class path.
 */
final class ContainerKafka implements KafkaBroker {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerKafka.class);

  /** System property naming another image, e.g. a mirror or another 4.x release. */
  static final String IMAGE_PROPERTY = "chargen.kafka.image";
  /** The broker release matching the kafka-clients version the services use. */
  static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

  private final KafkaContainer container;

  private ContainerKafka(KafkaContainer container) {
    this.container = container;
  }

  /** True when Testcontainers finds a working Docker engine; false, never an exception, otherwise. */
  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      LOG.info("No Docker engine for Testcontainers: {}", e.toString());
      return false;
    }
  }

  /** Starts the container and waits until the broker listens. */
  static ContainerKafka start() {
    long begin = System.nanoTime();
    String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
    @SuppressWarnings("resource") // closed by close()
    KafkaContainer container = new KafkaContainer(image)
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .withEnv("KAFKA_NUM_PARTITIONS", "1");
    container.start();
    LOG.info("Kafka container {} ready at {} in {} ms", image, container.getBootstrapServers(),
        (System.nanoTime() - begin) / 1_000_000);
    return new ContainerKafka(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.stop();
  }
}
