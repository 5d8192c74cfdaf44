package io.chargen.web;

import io.chargen.capture.CaptureMain;
import io.chargen.classifier.ClassifierMain;
import io.chargen.generator.GeneratorMain;
import io.chargen.kafka.EmbeddedKafka;
import io.chargen.kafka.FreePorts;
import io.chargen.learner.LearnerMain;
import io.chargen.proto.Topics;
import io.chargen.service.Env;
import io.chargen.service.security.Caller;
import io.chargen.service.security.DevKeys;
import io.chargen.service.security.Role;
import io.chargen.service.security.TokenIssuer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The whole system as {@code ./chargen up} runs it — a real in-process KRaft broker and the four services in one
 * Vert.x — but on free ports, so a test never clashes with a running {@code ./chargen up}; with a development key of
 * its own, whose tokens {@link #token} signs (issue 12), and each page's service allowing the other's origin.
 */
final class ChargenSystem implements AutoCloseable {
  /** A service's start on a cold JVM (model load, consumer group join) takes seconds; this is generous for CI. */
  private static final Duration START = Duration.ofMinutes(2);
  private static final Duration STOP = Duration.ofSeconds(30);

  private final EmbeddedKafka broker;
  private final Vertx vertx = Vertx.vertx();
  private final int capturePort;
  private final int generatorPort;
  private final DevKeys keys;
  private final TokenIssuer issuer;

  private ChargenSystem(EmbeddedKafka broker, int capturePort, int generatorPort) throws Exception {
    this.broker = broker;
    this.capturePort = capturePort;
    this.generatorPort = generatorPort;
    this.keys = DevKeys.createOrLoad(Files.createTempDirectory("web-e2e-keys"));
    this.issuer = TokenIssuer.development(vertx, keys);
  }

  /**
   * @param tenant the tenant
   * @param role the role; a tablet may write as any writer
   * @return a token the services accept, valid for an hour
   */
  String token(String tenant, Role role) {
    return issuer.issue(new TokenIssuer.Claims("web-e2e", tenant, Set.of(role),
        role == Role.TABLET ? Set.of(Caller.ANY_WRITER) : Set.of(), Duration.ofHours(1)));
  }

  /** Starts the broker, creates every topic of the catalogue, then deploys learner, classifier, generator, capture. */
  static ChargenSystem start(Path model) throws Exception {
    EmbeddedKafka broker = EmbeddedKafka.builder().clientPort(0).start();
    broker.createTopics(Arrays.stream(Topics.values()).map(ChargenSystem::newTopic).toList());
    int[] ports = FreePorts.pick(4);
    ChargenSystem system = new ChargenSystem(broker, ports[3], ports[2]);
    system.deploy(LearnerMain::deploy, ports[0], model);
    system.deploy(ClassifierMain::deploy, ports[1], model);
    system.deploy(GeneratorMain::deploy, ports[2], model);
    system.deploy(CaptureMain::deploy, ports[3], model);
    return system;
  }

  private void deploy(BiFunction<Vertx, Env, Future<String>> service, int port, Path model) throws Exception {
    Map<String, String> variables = new HashMap<>(keys.serviceEnvironment());
    variables.putAll(Map.of("CHARGEN_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "CHARGEN_HTTP_HOST", "127.0.0.1",
        "CHARGEN_HTTP_PORT", Integer.toString(port), "CHARGEN_MANAGEMENT_PORT", "0", "CHARGEN_MODEL",
        model.toString(), "CHARGEN_ALLOWED_ORIGINS", origin(capturePort) + "," + origin(generatorPort)));
    Env env = new Env(variables);
    service.apply(vertx, env).toCompletionStage().toCompletableFuture().get(START.toSeconds(), TimeUnit.SECONDS);
  }

  private static String origin(int port) {
    return "http://127.0.0.1:" + port;
  }

  private static NewTopic newTopic(Topics t) {
    Map<String, String> configs = new HashMap<>();
    configs.put("retention.ms", Long.toString(t.retentionMs()));
    if (t.compacted()) {
      configs.put("cleanup.policy", "compact");
    }
    return new NewTopic(t.topic(), t.partitions(), (short) 1).configs(configs);
  }

  /** @return the capture pad's address */
  String padUrl() {
    return "http://127.0.0.1:" + capturePort + "/pad/";
  }

  /** @return the dashboard's address */
  String dashboardUrl() {
    return "http://127.0.0.1:" + generatorPort + "/dashboard/";
  }

  /** @return the generator service's root, which redirects to the dashboard; its API is under v1/ */
  String generatorRoot() {
    return "http://127.0.0.1:" + generatorPort + "/";
  }

  /** @return the capture service's root, which redirects to the pad */
  String captureRoot() {
    return "http://127.0.0.1:" + capturePort + "/";
  }

  @Override
  public void close() throws Exception {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(STOP.toSeconds(), TimeUnit.SECONDS);
    } finally {
      broker.close();
    }
  }
}
