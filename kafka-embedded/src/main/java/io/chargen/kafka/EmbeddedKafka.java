package io.chargen.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM on loopback ports.
 *
 * <p>Used by integration tests (through {@link KafkaTestBroker}) and by {@code chargen up}, which runs the whole
 * system on one machine. The log directory is formatted with Kafka's own {@code Formatter}, as {@code kafka-storage.sh
 * format} does, then the node starts; {@link #start()} returns only once the broker answers an Admin request.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   kafka.createTopics(List.of(new NewTopic("strokes", 1, (short) 1)));
 *   producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements KafkaBroker {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path logDir;
  private final boolean deleteLogDirOnClose;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path logDir, boolean deleteLogDirOnClose) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
    this.deleteLogDirOnClose = deleteLogDirOnClose;
  }

  /** Starts a broker on free ports with a temporary log directory, deleted on {@link #close()}. */
  public static EmbeddedKafka start() {
    return builder().start();
  }

  /** A builder for a fixed client port, a kept log directory or extra broker properties. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Where the node keeps its data (and its metadata log). */
  public Path logDirectory() {
    return logDir;
  }

  /** Stops the node and, unless the caller chose the log directory, deletes it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long begin = System.nanoTime();
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      if (deleteLogDirOnClose) {
        LogDirectory.delete(logDir);
      }
    }
    LOG.info("Kafka broker at {} stopped in {} ms", bootstrapServers, elapsedMillis(begin));
  }

  private static EmbeddedKafka start(Builder builder) {
    long begin = System.nanoTime();
    int[] ports = FreePorts.pick(2);
    int clientPort = builder.clientPort > 0 ? builder.clientPort : ports[0];
    int controllerPort = ports[1];
    Path logDir = builder.logDir.orElseGet(LogDirectory::createTemporary);
    boolean deleteOnClose = builder.logDir.isEmpty();
    String bootstrap = BrokerSettings.HOST + ":" + clientPort;
    KafkaRaftServer server = null;
    try {
      KafkaConfig config = KafkaConfig.fromProps(
          BrokerSettings.forNode(clientPort, controllerPort, logDir, builder.overrides), false);
      LogDirectory.formatUnlessFormatted(logDir);
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      BrokerReadiness.await(bootstrap, builder.readyTimeout);
    } catch (Exception | LinkageError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      abandon(server, deleteOnClose ? logDir : null);
      throw new IllegalStateException("Kafka broker on " + bootstrap + " did not start", e);
    }
    LOG.info("Kafka broker (metadata version {}) ready at {} in {} ms, log dir {}",
        MetadataVersion.LATEST_PRODUCTION, bootstrap, elapsedMillis(begin), logDir);
    return new EmbeddedKafka(server, bootstrap, logDir, deleteOnClose);
  }

  private static void abandon(KafkaRaftServer server, Path logDirToDelete) {
    try {
      if (server != null) {
        server.shutdown();
        server.awaitShutdown();
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not stop a broker that failed to start", e);
    } finally {
      if (logDirToDelete != null) {
        LogDirectory.delete(logDirToDelete);
      }
    }
  }

  private static long elapsedMillis(long beginNanos) {
    return Duration.ofNanos(System.nanoTime() - beginNanos).toMillis();
  }

  /** Options for {@link EmbeddedKafka}; every one has a default that suits tests. */
  public static final class Builder {

    /** Covers a cold JVM on a busy 2-core machine, where start-up was measured at 2.8-7.8 s. */
    private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

    private int clientPort;
    private Optional<Path> logDir = Optional.empty();
    private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder() {
    }

    /** Listens for clients on this loopback port (e.g. 9092 for {@code chargen up}); 0, the default, picks one. */
    public Builder clientPort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("clientPort must be 0..65535, was " + port);
      }
      this.clientPort = port;
      return this;
    }

    /** Keeps the data in this directory across restarts instead of a temporary one deleted on close. */
    public Builder logDirectory(Path dir) {
      this.logDir = Optional.of(dir);
      return this;
    }

    /** Sets a broker property (server.properties key), overriding the fixture's defaults. */
    public Builder brokerProperty(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    /** How long {@link #start()} waits for the broker to answer; 60 s by default. */
    public Builder readyTimeout(Duration timeout) {
      this.readyTimeout = timeout;
      return this;
    }

    /** Formats the log directory, starts the node and waits until it serves clients. */
    public EmbeddedKafka start() {
      return EmbeddedKafka.start(this);
    }
  }
}
