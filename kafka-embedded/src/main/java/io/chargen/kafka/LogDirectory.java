package io.chargen.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single log directory of an {@link EmbeddedKafka} node: created, formatted for KRaft, deleted. */
final class LogDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(LogDirectory.class);

  /** Written by the Formatter into every log directory; its presence means "formatted". */
  private static final String META_PROPERTIES = "meta.properties";

  private LogDirectory() {
  }

  static Path createTemporary() {
    try {
      return Files.createTempDirectory("kafka-fixture-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary Kafka log directory", e);
    }
  }

  /**
   * Writes meta.properties and the bootstrap metadata, like {@code kafka-storage.sh format --standalone}, unless
   * the directory is formatted already (a kept directory of {@code chargen up} is formatted on first use only).
   * The Formatter's own ignore-formatted option is not enough: it still writes bootstrap metadata under a new
   * cluster id, which the node then rejects on start.
   */
  static void formatUnlessFormatted(Path logDir) throws Exception {
    if (Files.exists(logDir.resolve(META_PROPERTIES))) {
      LOG.debug("{} is formatted already", logDir);
      return;
    }
    String dir = logDir.toAbsolutePath().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    new Formatter()
        .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(BrokerSettings.NODE_ID)
        .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
        // One log directory, which therefore also holds the metadata log (metadata.log.dir is unset).
        .setMetadataLogDirectory(dir)
        .setDirectories(List.of(dir))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();
    LOG.debug("Formatted {}: {}", logDir, output.toString(StandardCharsets.UTF_8).strip());
  }

  /** Deletes the directory and its contents; a failure is logged, as it must not hide why a broker stopped. */
  static void delete(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      LOG.warn("Could not delete Kafka log directory {}", dir, e);
    }
  }
}
