package io.chargen.classifier;

import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.service.BaseModel;
import io.chargen.service.ConceptStore;
import io.chargen.service.ConceptsApi;
import io.chargen.service.FailurePolicy;
import io.chargen.service.RecordLoop;
import io.chargen.service.ServiceAssembly;
import io.chargen.service.ServiceVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
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
  /**
   * Queries classified at once, from different partitions: 2 cores do the work, the others wait for their produce
   * acknowledgement meanwhile (measured with {@code chargen load}, README).
   */
  private static final int MAX_IN_FLIGHT = 8;
  private static final FailurePolicy POLICY = FailurePolicy.DEFAULT;

  private final ClassifierConfig config;
  private final BaseModel base;
  private final PrometheusMeterRegistry registry;
  private ServiceAssembly assembly;
  private QueryProcessor processor;
  private ClassifierMetrics metrics;

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
    assembly = new ServiceAssembly(vertx, ClassifierConfig.SERVICE, config.kafka(), config.http(), registry);
    ConceptStore store = assembly.conceptStore(base);
    processor = new QueryProcessor(store.state(), config.method(), System::nanoTime);
    // Queries are often sent right after their concepts: assigned partitions wait until the store caught up.
    assembly.consume(config.groupId(), new RecordLoop.Input(Topics.QUERIES.topic(), this::classify,
        MAX_POLL_RECORDS, MAX_IN_FLIGHT));
    ConceptsApi.bind(assembly.api(), "getClassifierConcepts", store,
        new JsonObject().put("method", config.method().name()));
    return assembly.start();
  }

  /** @return fails as soon as the record loop or the concept store stops on a fatal error; never succeeds */
  @Override
  public Future<Void> failure() {
    return assembly.failure();
  }

  /** @return the HTTP port actually bound */
  @Override
  public int httpPort() {
    return assembly.httpPort();
  }

  /** @return the management port actually bound */
  @Override
  public int managementPort() {
    return assembly.managementPort();
  }

  private Future<Void> classify(ConsumerRecord<String, byte[]> record) {
    String position = record.topic() + "-" + record.partition() + "@" + record.offset();
    return vertx.executeBlocking(() -> processor.process(record.value()), false)
        .compose(result -> publish(result, record))
        .onSuccess(v -> metrics.answered(position))
        .onFailure(e -> metrics.failed(position, e));
  }

  private Future<Void> publish(ClassificationResult result, ConsumerRecord<String, byte[]> query) {
    metrics.classified(result.getDurationMs());
    return assembly.producer().send(new ProducerRecord<>(Topics.CLASSIFICATIONS.topic(),
        TenantKeys.key(result.getTenant(), result.getQueryId()),
        result.toByteArray()), query).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    return assembly.stop();
  }
}
