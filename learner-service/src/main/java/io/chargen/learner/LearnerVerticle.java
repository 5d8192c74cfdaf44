package io.chargen.learner;

import io.chargen.model.ConceptSet;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.StyleLearner;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.BaseModel;
import io.chargen.service.BadRecordException;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Wiring of the learner: the concept store (read before anything is learned), the record loop on
 * {@code chargen.examples} with the {@link ExampleProcessor} on a worker thread, the producer to
 * {@code chargen.concepts} and the HTTP server. {@link #start()} completes when HTTP listens, the store has caught
 * up and the consumer is subscribed.
 */
public final class LearnerVerticle extends VerticleBase implements ServiceVerticle {
  /** Examples per poll: at the paper's schedule (~seconds each) a batch stays far inside max.poll.interval.ms. */
  private static final int MAX_POLL_RECORDS = 10;

  private final LearnerConfig config;
  private final BaseModel base;
  private final PrometheusMeterRegistry registry;
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private ConceptStore store;
  private RecordLoop loop;
  private KafkaWriteStream<String, byte[]> concepts;
  private KafkaWriteStream<String, byte[]> deadLetters;
  private ExampleProcessor processor;
  private LearnerMetrics metrics;
  private HttpServer server;

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
    store = new ConceptStore(vertx, config.kafka(), base, registry, LearnerConfig.SERVICE);
    FastBackend backend = new FastBackend();
    processor = new ExampleProcessor(store.state(), new OneShotLearner(backend, config.schedule()),
        new StyleLearner(backend, config.schedule()), Clock.systemUTC());
    concepts = KafkaWriteStream.create(vertx, config.kafka().producer("concepts"));
    deadLetters = KafkaWriteStream.create(vertx, config.kafka().producer("dlq"));
    KafkaReadStream<String, byte[]> consumer =
        KafkaReadStream.create(vertx, config.kafka().consumer(config.groupId(), MAX_POLL_RECORDS));
    clientMetrics.add(MeterBinders.bindConsumer(registry, consumer.unwrap()));
    clientMetrics.add(MeterBinders.bindProducer(registry, concepts.unwrap()));
    String topic = Topics.EXAMPLES.topic();
    loop = new RecordLoop(vertx, consumer, new DeadLetters(deadLetters), topic, this::learn, FailurePolicy.DEFAULT,
        new LoopMetrics(registry, LearnerConfig.SERVICE, topic))
        // A partition's previous owner may have published versions this replica has not read yet.
        .onAssigned(partitions -> store.catchUp());
    HealthChecks health = new HealthChecks().add("consumer", loop::healthy).add("concepts", store::isReady);
    Router router = ServiceHttp.router(vertx, registry, health);
    ConceptsApi.mount(router, store);
    return ServiceHttp.listen(vertx, router, config.httpPort())
        .onSuccess(s -> server = s)
        .compose(s -> store.start())
        .compose(v -> loop.start());
  }

  /** @return fails when the record loop or the concept store stopped on a fatal error */
  @Override
  public Future<Void> failure() {
    return ServiceVerticle.firstFailure(loop.failure(), store.failure());
  }

  /** @return the HTTP port actually bound */
  @Override
  public int httpPort() {
    return server.actualPort();
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
        .compose(this::publish);
  }

  private Future<Void> publish(Optional<LearnedConcept> learned) {
    if (learned.isEmpty()) {
      metrics.examples(ExampleProcessor.Outcome.SKIPPED).increment();
      return Future.succeededFuture();
    }
    LearnedConcept concept = learned.get();
    return concepts.send(new ProducerRecord<>(Topics.CONCEPTS.topic(), concept.getLabel(), concept.toByteArray()))
        .map(ack -> {
          store.record(concept); // before the next example of this label: it must get version + 1
          metrics.examples(ExampleProcessor.Outcome.LEARNED).increment();
          return null;
        });
  }

  @Override
  public Future<?> stop() {
    clientMetrics.forEach(KafkaClientMetrics::close);
    return loop.stop()
        .eventually(() -> store.stop())
        .eventually(() -> Future.join(concepts.close(), deadLetters.close()))
        .eventually(() -> server == null ? Future.succeededFuture() : server.close());
  }
}
