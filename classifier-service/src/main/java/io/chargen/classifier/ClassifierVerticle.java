package io.chargen.classifier;

import io.chargen.proto.Topics;
import io.chargen.proto.v1.ClassificationResult;
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
import io.vertx.ext.web.Router;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import io.vertx.kafka.client.producer.KafkaWriteStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Wiring of the classifier: the concept store (read to the end before any query is taken), the record loop on
 * {@code chargen.queries} with the {@link QueryProcessor} on a worker thread, the producer to
 * {@code chargen.classifications} and the HTTP server. {@link #start()} completes when HTTP listens, the store has
 * caught up and the consumer is subscribed. Offsets are committed by the loop after the result's produce ack.
 */
public final class ClassifierVerticle extends VerticleBase implements ServiceVerticle {
  /** Queries per poll: at the paper's ~0.3 s per query a batch stays far inside max.poll.interval.ms (5 min). */
  private static final int MAX_POLL_RECORDS = 50;
  private static final FailurePolicy POLICY = FailurePolicy.DEFAULT;

  private final ClassifierConfig config;
  private final BaseModel base;
  private final PrometheusMeterRegistry registry;
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private ConceptStore store;
  private RecordLoop loop;
  private KafkaWriteStream<String, byte[]> results;
  private KafkaWriteStream<String, byte[]> deadLetters;
  private QueryProcessor processor;
  private ClassifierMetrics metrics;
  private HttpServer server;

  /**
   * @param config the configuration
   * @param base the loaded base model
   * @param registry the meter registry, scraped at {@code /metrics}
   */
  public ClassifierVerticle(ClassifierConfig config, BaseModel base, PrometheusMeterRegistry registry) {
    this.config = config;
    this.base = base;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    metrics = new ClassifierMetrics(registry, config.method().name(), POLICY.maxAttempts());
    store = new ConceptStore(vertx, config.kafka(), base, registry, ClassifierConfig.SERVICE);
    processor = new QueryProcessor(store.state(), config.method(), System::nanoTime);
    results = KafkaWriteStream.create(vertx, config.kafka().producer("classifications"));
    deadLetters = KafkaWriteStream.create(vertx, config.kafka().producer("dlq"));
    KafkaReadStream<String, byte[]> consumer =
        KafkaReadStream.create(vertx, config.kafka().consumer(config.groupId(), MAX_POLL_RECORDS));
    clientMetrics.add(MeterBinders.bindConsumer(registry, consumer.unwrap()));
    clientMetrics.add(MeterBinders.bindProducer(registry, results.unwrap()));
    String topic = Topics.QUERIES.topic();
    loop = new RecordLoop(vertx, consumer, new DeadLetters(deadLetters), topic, this::classify, POLICY,
        new LoopMetrics(registry, ClassifierConfig.SERVICE, topic))
        // Queries are often sent right after their concepts: read what the topic holds before answering.
        .onAssigned(partitions -> store.catchUp());
    HealthChecks health = new HealthChecks().add("consumer", loop::healthy).add("concepts", store::isReady);
    Router router = ServiceHttp.router(vertx, registry, health);
    ConceptsApi.mount(router, store, config.method().name());
    return ServiceHttp.listen(vertx, router, config.httpPort())
        .onSuccess(s -> server = s)
        .compose(s -> store.start())
        .compose(v -> loop.start());
  }

  /**
   * @return fails as soon as the record loop or the concept store stops on a fatal error; never succeeds (a clean
   *     stop is not news). Not {@code Future.any}: that would wait for both to fail.
   */
  @Override
  public Future<Void> failure() {
    return ServiceVerticle.firstFailure(loop.failure(), store.failure());
  }

  /** @return the HTTP port actually bound */
  @Override
  public int httpPort() {
    return server.actualPort();
  }

  private Future<Void> classify(ConsumerRecord<String, byte[]> record) {
    String position = record.topic() + "-" + record.partition() + "@" + record.offset();
    return vertx.executeBlocking(() -> processor.process(record.value()))
        .compose(this::publish)
        .onSuccess(v -> metrics.answered(position))
        .onFailure(e -> metrics.failed(position, e));
  }

  private Future<Void> publish(ClassificationResult result) {
    metrics.classified(result.getDurationMs());
    return results.send(new ProducerRecord<>(Topics.CLASSIFICATIONS.topic(), result.getQueryId(),
        result.toByteArray())).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    clientMetrics.forEach(KafkaClientMetrics::close);
    return loop.stop()
        .eventually(() -> store.stop())
        .eventually(() -> Future.join(results.close(), deadLetters.close()))
        .eventually(() -> server == null ? Future.succeededFuture() : server.close());
  }
}
