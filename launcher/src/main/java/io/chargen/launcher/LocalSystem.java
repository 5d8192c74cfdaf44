package io.chargen.launcher;

import io.chargen.capture.CaptureMain;
import io.chargen.classifier.ClassifierMain;
import io.chargen.generator.GeneratorMain;
import io.chargen.learner.LearnerMain;
import io.chargen.proto.Topics;
import io.chargen.service.Env;
import io.chargen.service.LogFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The four services deployed in one Vert.x on one broker: what {@code chargen up}, the load benchmark and the
 * end-to-end tests run. Services never depend on each other; only this launcher knows all four.
 */
public final class LocalSystem implements AutoCloseable {
  /** The service names and default ports (issue 3: capture 8081, generator 8082, classifier 8083, learner 8084). */
  public enum Service {
    /** One-shot learning of examples. */
    LEARNER("learner-service", 8084, LearnerMain::deploy),
    /** Classification of queries. */
    CLASSIFIER("classifier-service", 8083, ClassifierMain::deploy),
    /** Regenerations, variants, blends. */
    GENERATOR("generator-service", 8082, GeneratorMain::deploy),
    /** Pen input from tablets. */
    CAPTURE("capture-service", 8081, CaptureMain::deploy);

    final String module;
    final int defaultPort;
    final BiFunction<Vertx, Env, Future<String>> deploy;

    Service(String module, int defaultPort, BiFunction<Vertx, Env, Future<String>> deploy) {
      this.module = module;
      this.defaultPort = defaultPort;
      this.deploy = deploy;
    }
  }

  /** Start-up budget of one service: model load, concept catch-up and group join on a busy 2-core machine. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  /** Shutdown budget, matching the services' 30 s. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final short REPLICATION = 1;

  private final Vertx vertx = Vertx.vertx();
  private final String bootstrap;
  private final Path model;
  private final Map<Service, Integer> ports;
  private final Map<Service, String> deployments = new LinkedHashMap<>();

  /**
   * @param bootstrap the broker
   * @param model the base model file
   * @param ports HTTP port per service
   */
  public LocalSystem(String bootstrap, Path model, Map<Service, Integer> ports) {
    this.bootstrap = bootstrap;
    this.model = model;
    this.ports = Map.copyOf(ports);
  }

  /** @return every topic of the catalogue as the broker should hold it (replication 1: one broker) */
  public static List<NewTopic> topics() {
    return Arrays.stream(Topics.values()).map(t -> {
      Map<String, String> configs = new HashMap<>();
      configs.put("retention.ms", Long.toString(t.retentionMs()));
      if (t.compacted()) {
        configs.put("cleanup.policy", "compact");
      }
      return new NewTopic(t.topic(), t.partitions(), REPLICATION).configs(configs);
    }).toList();
  }

  /** Deploys every service, learner first so concepts flow before anyone asks; prints their URLs. */
  public LocalSystem start(PrintStream log) throws Exception {
    LogFormat.fromEnv(Env.system()); // the services get a map without it: check the process's own
    for (Service s : Service.values()) {
      deploy(s);
      log.printf("  %-19s http://localhost:%d  (health: /health, metrics: /metrics)%n", s.module, port(s));
    }
    return this;
  }

  /** Deploys one service (again, after {@link #undeploy}: a restart that must rebuild its state from Kafka). */
  public void deploy(Service s) throws Exception {
    Env env = new Env(Map.of("CHARGEN_KAFKA_BOOTSTRAP", bootstrap, "CHARGEN_HTTP_PORT", Integer.toString(port(s)),
        "CHARGEN_MODEL", model.toString()));
    deployments.put(s, await(s.deploy.apply(vertx, env), START_TIMEOUT));
  }

  /** Stops one service as a pod stop would: consumers and producers closed, offsets committed. */
  public void undeploy(Service s) throws Exception {
    String id = deployments.remove(s);
    if (id != null) {
      await(vertx.undeploy(id), STOP_TIMEOUT);
    }
  }

  /** @return the HTTP port of a service */
  public int port(Service s) {
    return ports.getOrDefault(s, s.defaultPort);
  }

  /** @return the base URL of a service */
  public String url(Service s) {
    return "http://localhost:" + port(s);
  }

  @Override
  public void close() throws Exception {
    await(vertx.close(), STOP_TIMEOUT);
  }

  private static <T> T await(Future<T> future, Duration timeout) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
