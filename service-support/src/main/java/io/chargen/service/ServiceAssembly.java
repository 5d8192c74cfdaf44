package io.chargen.service;

import io.chargen.service.security.BearerAuth;
import io.chargen.service.security.TenantRateLimiter;
import io.chargen.service.security.TokenVerifier;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The parts every consuming service is made of, assembled once: one producer ({@link KafkaSender}, also for dead
 * letters), the optional {@link ConceptStore}, {@link TopicFollower}s for result topics, the {@link RecordLoop} on
 * the input topic with its handler, and the HTTP servers: the API port with {@code /health}, the published
 * documents, pages and the {@link ServiceApi} (bearer tokens, tenant rate limits, the OpenAPI contract), and the
 * management port with {@code /metrics} (issue 12). A service's verticle only says what it consumes and serves:
 *
 * <pre>{@code
 * assembly = new ServiceAssembly(vertx, "classifier", config.kafka(), config.http(), registry);
 * ConceptStore store = assembly.conceptStore(base);
 * assembly.consume(groupId, new RecordLoop.Input(topic, this::classify, 50, 4));
 * ConceptsApi.bind(assembly.api(), "getClassifierConcepts", store, extra);
 * return assembly.start();
 * }</pre>
 *
 * Start order: the API is mounted from its document, HTTP listens (health answers DOWN), the store catches up,
 * followers are positioned, the loop subscribes. Stop order is the reverse, so nothing is consumed that cannot be
 * produced or stored. Create it in the verticle's {@code start()}, on its context. What every request of every
 * service needs (metrics, a trace span, the Origin allow-list) is routed by {@link ServiceHttp#router}; who may call
 * an operation, by the {@link ServiceApi}; the record loop's {@link RecordHandler} sees each record's headers, and
 * every message names its tenant, for the same purposes on the Kafka side.
 */
public final class ServiceAssembly {
  /** What a producer may take to flush on stop, within the services' 30 s. */
  private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final String service;
  private final KafkaSettings kafka;
  private final PrometheusMeterRegistry registry;
  private final BrokerContact contact = new BrokerContact();
  private final HealthChecks health = new HealthChecks();
  private final KafkaSender producer;
  private final List<TopicFollower> followers = new ArrayList<>();
  private final List<Follow> follows = new ArrayList<>();
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private final Router router;
  private final Router management;
  private final Tracing tracing;
  private final HttpSettings http;
  private final TenantRateLimiter limiter;
  private final ServiceApi api;
  private ConceptStore store;
  private RecordLoop loop;
  private HttpServer server;
  private HttpServer managementServer;

  /**
   * @param vertx the Vert.x instance
   * @param service the service name: client ids, logs
   * @param kafka client settings
   * @param http host, ports, Origin allow-list, rate limits and the token verification key
   * @param registry the service's registry, scraped at {@code /metrics} of the management port
   */
  public ServiceAssembly(Vertx vertx, String service, KafkaSettings kafka, HttpSettings http,
      PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.service = service;
    this.kafka = kafka;
    this.http = http;
    this.registry = registry;
    this.limiter = http.rateLimiter();
    this.api = new ServiceApi(vertx, service, new BearerAuth(new TokenVerifier(vertx, http.auth())), limiter);
    this.producer = new KafkaSender(vertx, kafka.producer("out"), service, contact);
    clientMetrics.add(MeterBinders.bindProducer(registry, producer.unwrap()));
    health.add("kafka", contact::up);
    this.tracing = Tracing.fromEnv(Env.system(), service);
    this.router = ServiceHttp.router(vertx, health, tracing, http.originGuard(), new HttpMetrics(registry),
        api.document());
    this.management = ServiceHttp.managementRouter(vertx, registry, health);
  }

  /** @param base the base model learned codes must belong to @return the concept store, read before the loop */
  public ConceptStore conceptStore(BaseModel base) {
    store = new ConceptStore(vertx, kafka, base, registry, contact);
    clientMetrics.add(MeterBinders.bindConsumer(registry, store.follower().consumer().unwrap()));
    health.add("concepts", store::isReady);
    return store;
  }

  /**
   * @param name the purpose, e.g. {@code classifications}: health check, client id
   * @param how where it starts and which topics it reads
   * @param handler called on the verticle's context with each record
   * @return the follower, started by {@link #start}
   */
  public TopicFollower follow(String name, Follow how, Consumer<ConsumerRecord<String, byte[]>> handler) {
    TopicFollower follower = new TopicFollower(vertx, kafka, name, contact, handler);
    followers.add(follower);
    follows.add(how);
    clientMetrics.add(MeterBinders.bindConsumer(registry, follower.consumer().unwrap()));
    health.add(name, follower::isReady);
    return follower;
  }

  /**
   * @param groupId the consumer group
   * @param input topic, handler, batch and concurrency
   * @return the loop; with a concept store, newly assigned partitions wait until it caught up with the topic
   */
  public RecordLoop consume(String groupId, RecordLoop.Input input) {
    ConsumerThread consumer = new ConsumerThread(vertx, kafka.consumer(groupId, input.maxPollRecords()),
        service + "-" + input.topic());
    loop = new RecordLoop(vertx, consumer, input, new DeadLetters(producer), FailurePolicy.DEFAULT,
        new LoopMetrics(registry, input.topic()), contact, tracing);
    if (store != null) {
      // A partition's previous owner may have published concepts (or been asked about ones) this replica has not read.
      loop.onAssigned(partitions -> store.catchUp());
    }
    clientMetrics.add(MeterBinders.bindConsumer(registry, consumer.unwrap()));
    health.add("consumer", loop::healthy);
    return loop;
  }

  /** @return the router with health and the documents; add pages to it before {@link #start} */
  public Router router() {
    return router;
  }

  /** @return the API: bind each operation of the service's OpenAPI document before {@link #start} */
  public ServiceApi api() {
    return api;
  }

  /** @return the per-tenant rate limit every API request passes, for work arriving on a WebSocket */
  public TenantRateLimiter rateLimiter() {
    return limiter;
  }

  /** @return the service's producer */
  public KafkaSender producer() {
    return producer;
  }

  /** @return whether every health check is up: requests that need Kafka are refused while not */
  public boolean ready() {
    return health.up();
  }

  /** @return the health checks, to add service-specific ones */
  public HealthChecks health() {
    return health;
  }

  /** @return when the broker last answered */
  public BrokerContact contact() {
    return contact;
  }

  /**
   * @return completes when the API is mounted, HTTP listens on both ports, the store caught up, followers are
   *     positioned and the loop subscribed
   */
  public Future<Void> start() {
    Future<Void> started = api.mount(router)
        .compose(v -> ServiceHttp.listen(vertx, management, http.host(), http.managementPort()))
        .onSuccess(s -> managementServer = s)
        .compose(v -> ServiceHttp.listen(vertx, router, http.host(), http.port()))
        .onSuccess(s -> server = s).mapEmpty();
    if (store != null) {
      started = started.compose(v -> store.start());
    }
    for (int i = 0; i < followers.size(); i++) {
      TopicFollower follower = followers.get(i);
      Follow how = follows.get(i);
      started = started.compose(v -> follower.start(how.from(), how.required(), how.optional()));
    }
    return loop == null ? started : started.compose(v -> loop.start());
  }

  /**
   * How a follower starts.
   *
   * @param from beginning or end
   * @param required topics waited for
   * @param optional topics read only if they exist at start
   */
  public record Follow(TopicFollower.From from, List<String> required, List<String> optional) {}

  /** @return the API port actually bound */
  public int httpPort() {
    return server.actualPort();
  }

  /** @return the management port actually bound ({@code /metrics}) */
  public int managementPort() {
    return managementServer.actualPort();
  }

  /** @return fails with the first fatal error of the loop, the store or a follower; never succeeds */
  public Future<Void> failure() {
    List<Future<?>> parts = new ArrayList<>();
    if (loop != null) {
      parts.add(loop.failure());
    }
    if (store != null) {
      parts.add(store.failure());
    }
    followers.forEach(f -> parts.add(f.failure()));
    return ServiceVerticle.firstFailure(parts.toArray(Future[]::new));
  }

  /** @return completes when the loop, followers, store, producer and HTTP server are closed, in that order */
  public Future<Void> stop() {
    clientMetrics.forEach(KafkaClientMetrics::close);
    Future<Void> stopped = loop == null ? Future.succeededFuture() : loop.stop();
    for (TopicFollower follower : followers) {
      stopped = stopped.eventually(follower::stop);
    }
    if (store != null) {
      stopped = stopped.eventually(store::stop);
    }
    return stopped.eventually(() -> producer.close(PRODUCER_CLOSE))
        .eventually(() -> server == null ? Future.succeededFuture() : server.close())
        .eventually(() -> managementServer == null ? Future.succeededFuture() : managementServer.close())
        .mapEmpty();
  }
}
