package io.chargen.launcher;

import io.chargen.capture.CaptureMain;
import io.chargen.classifier.ClassifierMain;
import io.chargen.generator.GeneratorMain;
import io.chargen.learner.LearnerMain;
import io.chargen.proto.Topics;
import io.chargen.service.Env;
import io.chargen.service.HttpSettings;
import io.chargen.service.LogFormat;
import io.chargen.service.security.DevKeys;
import io.chargen.service.security.OriginGuard;
import io.chargen.service.security.Role;
import io.chargen.service.security.TokenIssuer;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
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
  /** The tenant of {@code chargen up}'s pages, its demo and the load and chaos tools. */
  public static final String DEMO_TENANT = "demo";
  /** Lifetime of the tokens {@code chargen up} prints and its tools use: a working day. */
  public static final Duration TOKEN_TTL = Duration.ofHours(12);
  /** Where the management ports ({@code /metrics}) are: the API port plus this. */
  static final int MANAGEMENT_PORT_OFFSET = 1000;
  /** Only this machine: {@code chargen up} is a developer's system, not a server (issue 12). */
  public static final String LOCAL_HOST = "127.0.0.1";

  private final Vertx vertx = Vertx.vertx();
  private final String bootstrap;
  private final Path model;
  private final Map<Service, Integer> ports;
  private final Map<Service, String> deployments = new LinkedHashMap<>();
  private final DevKeys keys;
  private final String host;
  private final TokenIssuer issuer;
  private final String clientToken;
  private final Map<String, String> settings = new HashMap<>();

  /**
   * @param bootstrap the broker
   * @param model the base model file
   * @param ports HTTP port per service
   * @param keys the development key the services verify tokens with
   * @param host the interface the services bind ({@value #LOCAL_HOST} unless told otherwise)
   */
  public LocalSystem(String bootstrap, Path model, Map<Service, Integer> ports, DevKeys keys, String host) {
    this.bootstrap = bootstrap;
    this.model = model;
    this.ports = Map.copyOf(ports);
    this.keys = keys;
    this.host = host;
    this.issuer = TokenIssuer.development(vertx, keys);
    this.clientToken = token(DEMO_TENANT, Set.of(Role.TABLET, Role.DASHBOARD, Role.ADMIN), Set.of("*"));
  }

  /**
   * The development default: the checkout's key ({@code .chargen/}, created once), services on this machine only.
   *
   * @param bootstrap the broker
   * @param model the base model file
   * @param ports HTTP port per service
   */
  public LocalSystem(String bootstrap, Path model, Map<Service, Integer> ports) {
    this(bootstrap, model, ports, DevKeys.createOrLoad(checkoutKeys()), LOCAL_HOST);
  }

  /** @return the checkout's key folder: {@code chargen.home} (set by ./chargen) or the working directory */
  static Path checkoutKeys() {
    return Path.of(System.getProperty("chargen.home", "."), DevKeys.DIRECTORY);
  }

  /**
   * @param tenant the tenant
   * @param roles the roles
   * @param writers the writer names it may teach as ({@code *} any)
   * @return a token the running services accept, valid for {@link #TOKEN_TTL}
   */
  public String token(String tenant, Set<Role> roles, Set<String> writers) {
    return issuer.issue(new TokenIssuer.Claims("chargen-up", tenant, roles, writers, TOKEN_TTL));
  }

  /**
   * Sets a service variable for every service this system starts (before {@link #start}), e.g. a limit a fault
   * injection must get past.
   *
   * @param variable the environment variable
   * @param value its value
   * @return this system
   */
  public LocalSystem with(String variable, String value) {
    settings.put(variable, value);
    return this;
  }

  /** @return what a service needs to accept this system's tokens and bind as its services do */
  public Map<String, String> serviceEnvironment() {
    Map<String, String> env = new HashMap<>(keys.serviceEnvironment());
    env.put(HttpSettings.HOST, host);
    env.putAll(settings);
    return env;
  }

  /** @return the token of this machine's own tools (demo, load, chaos): every role of tenant {@value #DEMO_TENANT} */
  public String clientToken() {
    return clientToken;
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
      log.printf("  %-19s %s  (health: /health; metrics: %s/metrics, not public)%n", s.module, url(s),
          "http://localhost:" + managementPort(s));
    }
    return this;
  }

  /**
   * @return ready-to-open pages of tenant {@value #DEMO_TENANT}: the pad with a tablet token and the dashboard with a
   *     dashboard token, each in the URL fragment (never sent to a server, kept by the page in session storage)
   */
  public Map<String, String> pageUrls() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("pad", url(Service.CAPTURE) + "/pad/#token=" + token(DEMO_TENANT, Set.of(Role.TABLET), Set.of("*")));
    pages.put("dashboard", url(Service.GENERATOR) + "/dashboard/#token="
        + token(DEMO_TENANT, Set.of(Role.DASHBOARD), Set.of()));
    return pages;
  }

  /** Deploys one service (again, after {@link #undeploy}: a restart that must rebuild its state from Kafka). */
  public void deploy(Service s) throws Exception {
    Map<String, String> env = serviceEnvironment();
    env.put("CHARGEN_KAFKA_BOOTSTRAP", bootstrap);
    env.put("CHARGEN_MODEL", model.toString());
    env.put(HttpSettings.PORT, Integer.toString(port(s)));
    env.put(HttpSettings.MANAGEMENT_PORT, Integer.toString(managementPort(s)));
    env.put(OriginGuard.ALLOWED_ORIGINS, siblingOrigins(s));
    deployments.put(s, await(s.deploy.apply(vertx, new Env(env)), START_TIMEOUT));
  }

  /**
   * The other services' origins (the pad, served by capture, reads the generator's concepts), as a browser on this
   * machine names them; none for free ports (tests), which no page is served from.
   */
  private String siblingOrigins(Service self) {
    return Arrays.stream(Service.values()).filter(s -> s != self && port(s) != 0)
        .flatMap(s -> Set.of("http://localhost:" + port(s), "http://127.0.0.1:" + port(s)).stream())
        .sorted().collect(Collectors.joining(","));
  }

  /** @return the management port of a service ({@code /metrics}); 0 (any) when its API port is 0 */
  public int managementPort(Service s) {
    return port(s) == 0 ? 0 : port(s) + MANAGEMENT_PORT_OFFSET;
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

  /** @return the base URL of a service's management port ({@code /metrics}) */
  public String managementUrl(Service s) {
    return "http://localhost:" + managementPort(s);
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
