package io.chargen.launcher;

import io.chargen.capture.CaptureMain;
import io.chargen.classifier.ClassifierMain;
import io.chargen.generator.GeneratorMain;
import io.chargen.kafka.EmbeddedKafka;
import io.chargen.learner.LearnerMain;
import io.chargen.proto.Topics;
import io.chargen.service.Env;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chargen up}: the whole system on one machine — a real in-process Kafka broker, the four services in one JVM
 * and the shipped base model — until Ctrl-C. With {@code --demo} it replays a shipped writer's letters through the
 * public HTTP APIs, as a tablet and a dashboard would.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run the whole system on an embedded Kafka broker with the shipped model; Ctrl-C stops it.")
final class UpCommand implements Callable<Integer> {
  /** Shutdown budget, matching the services' 30 s and Kubernetes' default grace period. */
  private static final Duration SHUTDOWN = Duration.ofSeconds(30);
  private static final int REPLICATION = 1;

  @Option(names = "--model", defaultValue = ModelOptions.SHIPPED_MODEL, description = "Base model (default: shipped).")
  Path model;
  @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port (default: ${DEFAULT-VALUE}; 0: any).")
  int kafkaPort;
  @Option(names = "--demo", description = "Replay a shipped writer's letters: learn, generate, blend, classify.")
  boolean demo;
  @Option(names = "--demo-writer", defaultValue = "${sys:chargen.home:-.}/data/splits/heldout/"
      + "008-f-21-right_2019-06-19-12-24-59_preprocessed.txt.gz", description = "Writer file the demo replays.")
  Path demoWriter;
  @Option(names = "--demo-out", defaultValue = "demo-output", description = "Where the demo saves its pictures.")
  Path demoOut;
  @Option(names = "--exit-after-demo", description = "Stop after the demo instead of waiting for Ctrl-C.")
  boolean exitAfterDemo;

  private record Service(String name, int port, BiFunction<Vertx, Env, Future<String>> deploy) {}

  private static final List<Service> SERVICES = List.of(
      new Service("learner-service", 8084, LearnerMain::deploy),
      new Service("classifier-service", 8083, ClassifierMain::deploy),
      new Service("generator-service", 8082, GeneratorMain::deploy),
      new Service("capture-service", 8081, CaptureMain::deploy));

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    EmbeddedKafka broker = EmbeddedKafka.builder().clientPort(kafkaPort).start();
    broker.createTopics(java.util.Arrays.stream(Topics.values()).map(UpCommand::newTopic).toList());
    Vertx vertx = Vertx.vertx();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(vertx, broker, stopped), "chargen-shutdown"));
    for (Service s : SERVICES) {
      Env env = new Env(Map.of("CHARGEN_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
          "CHARGEN_HTTP_PORT", Integer.toString(s.port()), "CHARGEN_MODEL", model.toString()));
      s.deploy().apply(vertx, env).toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
      System.err.printf("  %-19s http://localhost:%d  (health: /health, metrics: /metrics)%n", s.name(), s.port());
    }
    System.err.printf("chargen is up in %.1f s: Kafka at %s, model %s. Ctrl-C stops everything.%n",
        (System.nanoTime() - started) / 1e9, broker.bootstrapServers(), model);
    if (demo) {
      new Demo(demoWriter, demoOut, System.err).run();
      if (exitAfterDemo) {
        System.exit(0);
      }
    }
    stopped.await();
    return 0;
  }

  private static NewTopic newTopic(Topics t) {
    NewTopic topic = new NewTopic(t.topic(), t.partitions(), (short) REPLICATION);
    Map<String, String> configs = new java.util.HashMap<>();
    configs.put("retention.ms", Long.toString(t.retentionMs()));
    if (t.compacted()) {
      configs.put("cleanup.policy", "compact");
    }
    return topic.configs(configs);
  }

  private static void shutDown(Vertx vertx, EmbeddedKafka broker, CountDownLatch stopped) {
    System.err.println("chargen: stopping services and broker...");
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("chargen: services did not stop cleanly: " + e);
    } finally {
      broker.close();
      stopped.countDown();
    }
  }
}
