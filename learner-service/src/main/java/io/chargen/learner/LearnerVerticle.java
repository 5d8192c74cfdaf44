package io.chargen.learner;

import io.chargen.model.ConceptSet;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.StyleLearner;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.BadRecordException;
import io.chargen.service.BaseModel;
import io.chargen.service.ConceptStore;
import io.chargen.service.ConceptsApi;
import io.chargen.service.RecordLoop;
import io.chargen.service.ServiceAssembly;
import io.chargen.service.ServiceVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Wiring of the learner: the concept store (read before anything is learned), the record loop on
 * {@code chargen.examples} with the {@link ExampleProcessor} on a worker thread, the producer to
 * {@code chargen.concepts} and the HTTP server, all from the shared {@link ServiceAssembly}. {@link #start()} completes when HTTP listens, the store has caught
 * up and the consumer is subscribed.
 */
public final class LearnerVerticle extends VerticleBase implements ServiceVerticle {
  /** Examples per poll: at the paper's schedule (~seconds each) a batch stays far inside max.poll.interval.ms. */
  private static final int MAX_POLL_RECORDS = 10;
  /**
   * One example at a time: a writer's style concept is learned from all their letters so far, which arrive on
   * several partitions (keyed by letter); learning two of them at once would publish two versions that each miss
   * the other letter.
   */
  private static final int MAX_IN_FLIGHT = 1;

  private final LearnerConfig config;
  private final BaseModel base;
  private final PrometheusMeterRegistry registry;
  private ServiceAssembly assembly;
  private ConceptStore store;
  private ExampleProcessor processor;
  private LearnerMetrics metrics;

  /**
   * @param config the configuration
   * @param base the loaded base model
   * @param registry the meter registry, scraped at {@code /metrics}
   */
  public LearnerVerticle(LearnerConfig config, BaseModel base, PrometheusMeterRegistry registry) {
    this.config = config;
    this.base = base;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    metrics = new LearnerMetrics(registry);
    assembly = new ServiceAssembly(vertx, LearnerConfig.SERVICE, config.kafka(), config.http(), registry);
    store = assembly.conceptStore(base);
    FastBackend backend = new FastBackend();
    processor = new ExampleProcessor(store.state(), new OneShotLearner(backend, config.schedule()),
        new StyleLearner(backend, config.schedule()), Clock.systemUTC());
    assembly.consume(config.groupId(), new RecordLoop.Input(Topics.EXAMPLES.topic(), this::learn, MAX_POLL_RECORDS,
        MAX_IN_FLIGHT));
    ConceptsApi.bind(assembly.api(), "getLearnedConcepts", store, new JsonObject());
    new ErasureApi(store, assembly.producer()).bind(assembly.api());
    return assembly.start();
  }

  /** @return fails when the record loop or the concept store stopped on a fatal error */
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

  private Future<Void> learn(ConsumerRecord<String, byte[]> record) {
    return vertx.executeBlocking(() -> {
      long start = System.nanoTime();
      Optional<LearnedConcept> learned = processor.process(record.value());
      if (learned.isPresent()) {
        metrics.oneShot(ConceptSet.isStyle(learned.get().getLabel()))
            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      }
      return learned;
    })
        .onFailure(e -> {
          if (e instanceof BadRecordException) {
            metrics.examples(ExampleProcessor.Outcome.INVALID).increment();
          }
        })
        .compose(learned -> publish(learned, record));
  }

  private Future<Void> publish(Optional<LearnedConcept> learned, ConsumerRecord<String, byte[]> example) {
    if (learned.isEmpty()) {
      metrics.examples(ExampleProcessor.Outcome.SKIPPED).increment();
      return Future.succeededFuture();
    }
    LearnedConcept concept = learned.get();
    return assembly.producer()
        .send(new ProducerRecord<>(Topics.CONCEPTS.topic(),
            TenantKeys.key(concept.getTenant(), concept.getLabel()), concept.toByteArray()), example)
        .map(ack -> {
          store.record(concept); // before the next example of this label: it must get version + 1
          metrics.examples(ExampleProcessor.Outcome.LEARNED).increment();
          return null;
        });
  }

  @Override
  public Future<?> stop() {
    return assembly.stop();
  }
}
