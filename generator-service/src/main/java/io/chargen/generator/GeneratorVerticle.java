package io.chargen.generator;

import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.GenerationRequest;
import io.chargen.service.BaseModel;
import io.chargen.service.ConceptStore;
import io.chargen.service.DeadLetters;
import io.chargen.service.FailurePolicy;
import io.chargen.service.HealthChecks;
import io.chargen.service.LoopMetrics;
import io.chargen.service.MeterBinders;
import io.chargen.service.RecordLoop;
import io.chargen.service.ServiceHttp;
import io.chargen.service.ServiceVerticle;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import io.vertx.kafka.client.producer.KafkaWriteStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Wiring of the generator: the concept store, the group-less reader of generations (cache and stream), the worker
 * loop on {@code chargen.generation-requests} running the {@link GenerationProcessor} on a worker thread, the
 * producer of requests and trajectories, and the HTTP server. {@link #start()} completes when HTTP listens, the
 * store has caught up, the reader is positioned and the worker is subscribed.
 */
public final class GeneratorVerticle extends VerticleBase implements ServiceVerticle {
  /** Requests per poll: a default request takes milliseconds, a worst case (50 × 2,000 steps) seconds. */
  private static final int MAX_POLL_RECORDS = 20;

  private final GeneratorConfig config;
  private final BaseModel base;
  private final PrometheusMeterRegistry registry;
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private final StreamHub hub = new StreamHub();
  private final GenerationCache cache = new GenerationCache();
  private ConceptStore store;
  private GenerationsReader reader;
  private RecordLoop loop;
  private KafkaWriteStream<String, byte[]> producer;
  private KafkaWriteStream<String, byte[]> deadLetters;
  private GenerationProcessor processor;
  private GeneratorMetrics metrics;
  private HttpServer server;

  /**
   * @param config the configuration
   * @param base the loaded base model
   * @param registry the meter registry, scraped at {@code /metrics}
   */
  public GeneratorVerticle(GeneratorConfig config, BaseModel base, PrometheusMeterRegistry registry) {
    this.config = config;
    this.base = base;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    metrics = new GeneratorMetrics(registry, hub::size);
    processor = new GenerationProcessor(new Generator(new FastBackend()), d -> metrics.generation().record(d));
    store = new ConceptStore(vertx, config.kafka(), base, registry, GeneratorConfig.SERVICE);
    store.addListener(c -> hub.broadcast(new JsonObject().put("type", "concept").put("label", c.getLabel())
        .put("version", c.getVersion())));
    reader = new GenerationsReader(vertx, KafkaReadStream.create(vertx, config.kafka().reader("generations")), cache,
        t -> hub.broadcast(GenerationJson.trajectoryEvent(t)));
    producer = KafkaWriteStream.create(vertx, config.kafka().producer("generations"));
    deadLetters = KafkaWriteStream.create(vertx, config.kafka().producer("dlq"));
    KafkaReadStream<String, byte[]> consumer =
        KafkaReadStream.create(vertx, config.kafka().consumer(config.groupId(), MAX_POLL_RECORDS));
    clientMetrics.add(MeterBinders.bindConsumer(registry, consumer.unwrap()));
    clientMetrics.add(MeterBinders.bindProducer(registry, producer.unwrap()));
    String topic = Topics.GENERATION_REQUESTS.topic();
    loop = new RecordLoop(vertx, consumer, new DeadLetters(deadLetters), topic, this::generate,
        FailurePolicy.DEFAULT, new LoopMetrics(registry, GeneratorConfig.SERVICE, topic))
        // A request may name a concept learned just before it: catch up before taking over partitions.
        .onAssigned(partitions -> store.catchUp());
    HealthChecks health = new HealthChecks().add("consumer", loop::healthy).add("concepts", store::isReady)
        .add("generations", reader::healthy);
    Router router = ServiceHttp.router(vertx, registry, health);
    new GenerationsApi(store, cache, hub, metrics, this::publishRequest).mount(router);
    return ServiceHttp.listen(vertx, router, config.httpPort())
        .onSuccess(s -> server = s)
        .compose(s -> store.start())
        .compose(v -> reader.start())
        .compose(v -> loop.start());
  }

  /**
   * @return fails as soon as the worker, the concept store or the generations reader stops on a fatal error;
   *     succeeds after a clean stop ({@code Future.all} fails on the first failure, {@code Future.any} would wait
   *     for all three to fail)
   */
  @Override
  public Future<Void> failure() {
    return Future.all(loop.failure(), store.failure(), reader.failure()).mapEmpty();
  }

  /** @return the HTTP port actually bound */
  @Override
  public int httpPort() {
    return server.actualPort();
  }

  private Future<Void> publishRequest(GenerationRequest request) {
    return producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS.topic(), request.getId(),
        request.toByteArray())).mapEmpty();
  }

  /** Generates off the event loop, then completes once every trajectory is acknowledged (so the loop may commit). */
  private Future<Void> generate(ConsumerRecord<String, byte[]> record) {
    return vertx.executeBlocking(() -> processor.process(record.value(), store.model(), base.id()))
        .compose(trajectories -> Future.all(trajectories.stream().map(this::publishTrajectory).toList()))
        .mapEmpty();
  }

  private Future<Void> publishTrajectory(GeneratedTrajectory t) {
    return producer.send(new ProducerRecord<>(Topics.GENERATIONS.topic(), t.getRequestId(), t.toByteArray()))
        .<Void>mapEmpty()
        .onSuccess(v -> metrics.published().increment());
  }

  @Override
  public Future<?> stop() {
    clientMetrics.forEach(KafkaClientMetrics::close);
    hub.closeAll();
    return loop.stop()
        .eventually(() -> reader.stop())
        .eventually(() -> store.stop())
        .eventually(() -> Future.join(producer.close(), deadLetters.close()))
        .eventually(() -> server == null ? Future.succeededFuture() : server.close());
  }
}
