package io.chargen.capture;

import io.chargen.service.HealthChecks;
import io.chargen.service.MeterBinders;
import io.chargen.service.ServiceHttp;
import io.chargen.service.ServiceVerticle;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.kafka.client.producer.KafkaWriteStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the capture service: the producer of trajectories, the group-less {@link ClassificationReader}, the
 * HTTP API ({@link CaptureApi}) and the {@code /v1/pen} WebSocket ({@link PenSession} per connection).
 * {@link #start()} completes when HTTP listens, the producer has found both topics and the reader is positioned;
 * {@code /health} answers 503 until then.
 */
public final class CaptureVerticle extends VerticleBase implements ServiceVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureVerticle.class);

  private final CaptureConfig config;
  private final PrometheusMeterRegistry registry;
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private CaptureMetrics metrics;
  private KafkaWriteStream<String, byte[]> producer;
  private ClassificationReader reader;
  private HttpServer server;
  private volatile boolean producerReady;

  /**
   * @param config the configuration
   * @param registry the meter registry, scraped at {@code /metrics}
   */
  public CaptureVerticle(CaptureConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    metrics = new CaptureMetrics(registry);
    QueryResults results = new QueryResults();
    metrics.trackQueries(results::size);
    producer = KafkaWriteStream.create(vertx, config.kafka().producer("trajectories"));
    reader = new ClassificationReader(vertx, config.kafka(), results, metrics);
    clientMetrics.add(MeterBinders.bindProducer(registry, producer.unwrap()));
    clientMetrics.add(MeterBinders.bindConsumer(registry, reader.unwrap()));
    PenInputValidator validator = new PenInputValidator();
    CaptureProcessor processor = new CaptureProcessor(producer::send, results, metrics, Clock.systemUTC(),
        () -> UUID.randomUUID().toString());
    HealthChecks health = new HealthChecks().add("producer", () -> producerReady).add("classifications",
        reader::isReady);
    Router router = ServiceHttp.router(vertx, registry, health);
    new CaptureApi(validator, processor, results, metrics).mount(router);
    router.route("/v1/pen").handler(ctx -> ctx.request().toWebSocket()
        .onSuccess(ws -> open(ws, new PenSession(validator, processor, results, metrics,
            json -> ws.writeTextMessage(json.encode()))))
        .onFailure(e -> LOG.warn("WebSocket upgrade of /v1/pen failed: {}", e.getMessage())));
    return ServiceHttp.listen(vertx, router, config.httpPort())
        .onSuccess(s -> server = s)
        .compose(s -> findTopics())
        .compose(v -> reader.start());
  }

  /** @return fails when the classification reader stopped on a fatal error */
  @Override
  public Future<Void> failure() {
    return reader.failure();
  }

  /** @return the HTTP port actually bound */
  @Override
  public int httpPort() {
    return server.actualPort();
  }

  private void open(ServerWebSocket ws, PenSession session) {
    metrics.sessionOpened();
    ws.textMessageHandler(session::onMessage);
    ws.binaryMessageHandler(bytes -> ws.writeTextMessage(
        "{\"type\":\"error\",\"error\":\"binary message of " + bytes.length() + " bytes: send JSON text\"}"));
    ws.exceptionHandler(e -> LOG.warn("WebSocket /v1/pen from {}: {}", ws.remoteAddress(), e.getMessage()));
    ws.closeHandler(v -> {
      session.close();
      metrics.sessionClosed();
    });
  }

  /** The producer is ready once it has metadata for both topics it writes, i.e. the broker is reachable. */
  private Future<Void> findTopics() {
    return Future.all(List.of(CaptureProcessor.Kind.values()).stream()
            .map(kind -> producer.partitionsFor(kind.topic())).toList())
        .onSuccess(v -> producerReady = true)
        .mapEmpty();
  }

  @Override
  public Future<?> stop() {
    clientMetrics.forEach(KafkaClientMetrics::close);
    return reader.stop()
        .eventually(() -> producer.close())
        .eventually(() -> server == null ? Future.succeededFuture() : server.close());
  }
}
