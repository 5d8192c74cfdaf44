package io.chargen.kafka;

import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension giving tests one Kafka broker per test JVM: declare a {@link KafkaBroker} parameter on a test,
 * a lifecycle method or a constructor of a class annotated {@code @ExtendWith(KafkaTestBroker.class)}.
 *
 * <p>The broker is started on first use and kept in the root context's store, so every test class of the run shares
 * it and JUnit closes it when the run ends. It is a Testcontainers {@code apache/kafka} container when a Docker engine
 * is available, else an in-process {@link EmbeddedKafka}. The system property {@value #MODE_PROPERTY} or the
 * environment variable {@value #MODE_ENV} forces one: {@code auto} (default), {@code embedded} or {@code container}.
 *
 * <pre>{@code
 * @ExtendWith(KafkaTestBroker.class)
 * class CaptureIT {
 *   @Test
 *   void storesStrokes(KafkaBroker kafka) {
 *     kafka.createTopics(List.of(new NewTopic("strokes", 1, (short) 1)));
 *   }
 * }
 * }</pre>
 */
public final class KafkaTestBroker implements ParameterResolver {

  /** System property choosing the broker kind. */
  public static final String MODE_PROPERTY = "chargen.kafka.broker";
  /** Environment variable choosing the broker kind when the system property is unset. */
  public static final String MODE_ENV = "CHARGEN_KAFKA_BROKER";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTestBroker.class);
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaTestBroker.class);

  /** The kinds of broker this extension can start. */
  enum Mode { AUTO, EMBEDDED, CONTAINER }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** The broker of this test run, started on the first call; for extensions and code without parameter injection. */
  public static KafkaBroker shared(ExtensionContext context) {
    // JUnit closes AutoCloseable values of the root store when the whole run ends.
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(KafkaBroker.class, type -> startBroker(configuredMode()), KafkaBroker.class);
  }

  static Mode configuredMode() {
    String value = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault(MODE_ENV, "auto"));
    try {
      return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(MODE_PROPERTY + "/" + MODE_ENV + " must be auto, embedded or container, was '"
          + value + "'", e);
    }
  }

  static KafkaBroker startBroker(Mode mode) {
    boolean container = switch (mode) {
      case CONTAINER -> true;
      case EMBEDDED -> false;
      case AUTO -> dockerAvailable();
    };
    LOG.info("Starting a shared {} Kafka broker for this test run", container ? "Testcontainers" : "in-process");
    return container ? ContainerKafka.start() : EmbeddedKafka.start();
  }

  /** Never throws: without Testcontainers on the class path there is no container to start either. */
  private static boolean dockerAvailable() {
    try {
      return ContainerKafka.dockerAvailable();
    } catch (LinkageError e) {
      LOG.info("Testcontainers is not on the class path ({}); using the in-process broker", e.toString());
      return false;
    }
  }
}
