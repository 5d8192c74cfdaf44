package io.chargen.service;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.model.CharModel;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.LearnedConcept;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only view of {@code chargen.concepts}, the durable store of everything learned: reads the topic from the
 * beginning without a consumer group (all partitions assigned, never committed) and keeps following it. A cold
 * replica serves only after {@link #ready()}, i.e. once it has read up to the end offsets seen at start. A bad record
 * is counted and logged, never dead-lettered (this view does not own the topic). Create it on the verticle's context.
 */
public final class ConceptStore {
  private static final Logger LOG = LoggerFactory.getLogger(ConceptStore.class);
  private static final String TOPIC = Topics.CONCEPTS.topic();
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  /** Waits for the topic to exist (e.g. while the broker is created alongside the service): 60 × 500 ms. */
  private static final long TOPIC_LOOKUP_DELAY_MS = 500;

  private final Vertx vertx;
  private final KafkaReadStream<String, byte[]> consumer;
  private final ConceptState state;
  private final CatchUp catchUp;
  private final List<Consumer<LearnedConcept>> listeners = new CopyOnWriteArrayList<>();
  private final MeterRegistry registry;
  private final String service;
  private final Promise<Void> failure = Promise.promise();
  private Future<Void> ready = Future.failedFuture("not started");
  private volatile boolean stopping;

  /**
   * @param vertx the Vert.x instance
   * @param kafka client settings
   * @param base the base model codes must belong to
   * @param registry meters {@code <service>.concepts.read{outcome}} and {@code <service>.concepts.known}
   * @param service metric prefix
   */
  public ConceptStore(Vertx vertx, KafkaSettings kafka, BaseModel base, MeterRegistry registry, String service) {
    this.vertx = vertx;
    this.consumer = KafkaReadStream.create(vertx, kafka.reader("concepts"));
    this.state = new ConceptState(base);
    this.catchUp = new CatchUp(consumer);
    this.registry = registry;
    this.service = service;
    Gauge.builder(service + ".concepts.known", state, s -> s.concepts().size())
        .description("Labels with a learned concept in this replica's view of chargen.concepts")
        .register(registry);
  }

  /** @return completes when the store has read the topic up to the end offsets found at start */
  public Future<Void> start() {
    ready = TopicPartitions.of(vertx, consumer, TOPIC).map(Set::copyOf)
        .compose(partitions -> consumer.assign(partitions)
            .compose(v -> consumer.seekToBeginning(partitions))
            .map(v -> partitions))
        .compose(partitions -> {
          LOG.info("reading {} from the beginning: partitions {}", TOPIC, partitions);
          catchUp.partitions(partitions);
          pollOnce();
          return catchUp.toEndOffsets();
        })
        .onSuccess(v -> LOG.info("concept store ready: {} labels learned", state.concepts().size()));
    return ready;
  }

  /** @return completes once caught up with the topic as it was at start */
  public Future<Void> ready() {
    return ready;
  }

  /** @return completes once caught up with the end offsets as they are now, e.g. after a rebalance */
  public Future<Void> catchUp() {
    return ready.compose(v -> catchUp.toEndOffsets());
  }

  /** @return whether {@link #ready()} completed successfully */
  public boolean isReady() {
    return ready.succeeded();
  }

  /** @return fails if reading the topic stopped on a fatal error */
  public Future<Void> failure() {
    return failure.future();
  }

  /** @return the state: latest concepts, versions, example ids */
  public ConceptState state() {
    return state;
  }

  /** @return the base model with every learned code */
  public CharModel model() {
    return state.model();
  }

  /**
   * Applies a concept this process just published (acknowledged), so the next example of its label sees it before
   * it is read back from the topic. Reading it back later is a no-op.
   *
   * @param concept the published concept
   */
  public void record(LearnedConcept concept) {
    apply(concept);
  }

  /** @param listener called on the store's context with each concept that changed the state */
  public void addListener(Consumer<LearnedConcept> listener) {
    listeners.add(listener);
  }

  /** @return completes when the consumer is closed */
  public Future<Void> stop() {
    stopping = true;
    failure.tryComplete();
    return consumer.close();
  }


  private void pollOnce() {
    if (stopping) {
      return;
    }
    consumer.poll(POLL_TIMEOUT)
        .onSuccess(records -> {
          records.forEach(this::read);
          catchUp.check().onComplete(v -> pollOnce());
        })
        .onFailure(e -> {
          if (FailurePolicy.isFatal(e)) {
            LOG.error("concept store stops reading {}", TOPIC, e);
            failure.tryFail(e);
          } else if (!stopping) {
            LOG.warn("poll of {} failed; retrying", TOPIC, e);
            vertx.setTimer(TOPIC_LOOKUP_DELAY_MS, id -> pollOnce());
          }
        });
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return; // a tombstone: concepts are never deleted, but a compacted topic may carry one
    }
    try {
      LearnedConcept concept = LearnedConcept.parseFrom(record.value());
      SchemaVersions.require("LearnedConcept", concept.getSchemaVersion());
      String reason = state.validate(concept);
      if (reason != null) {
        throw new IllegalArgumentException(reason);
      }
      apply(concept);
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      count(ConceptState.Outcome.INVALID);
      LOG.warn("skipping {}: {}", RecordAttempts.position(record), e.getMessage());
    }
  }

  private void apply(LearnedConcept concept) {
    ConceptState.Outcome outcome = state.apply(concept);
    count(outcome);
    if (outcome == ConceptState.Outcome.APPLIED) {
      for (Consumer<LearnedConcept> listener : listeners) {
        listener.accept(concept);
      }
    }
  }

  private void count(ConceptState.Outcome outcome) {
    Counter.builder(service + ".concepts.read")
        .description("Learned concepts read or recorded, by outcome (applied, stale, invalid)")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
