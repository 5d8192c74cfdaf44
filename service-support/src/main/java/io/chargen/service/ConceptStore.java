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
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only view of {@code chargen.concepts}, the durable store of everything learned: a {@link TopicFollower}
 * from the beginning (no consumer group, never committed) that keeps following. A cold replica serves only after
 * {@link #ready()}, i.e. once it has read up to the end offsets seen at start. A bad record is counted and logged,
 * never dead-lettered (this view does not own the topic). Create it on the verticle's context. Meters:
 * {@code chargen.concepts.read{outcome}} and {@code chargen.concepts.known}.
 */
public final class ConceptStore {
  private static final Logger LOG = LoggerFactory.getLogger(ConceptStore.class);
  private static final String TOPIC = Topics.CONCEPTS.topic();

  private final TopicFollower follower;
  private final ConceptState state;
  private final List<Consumer<LearnedConcept>> listeners = new CopyOnWriteArrayList<>();
  private final MeterRegistry registry;
  private Future<Void> ready = Future.failedFuture("not started");

  /**
   * @param vertx the Vert.x instance
   * @param kafka client settings
   * @param base the base model codes must belong to
   * @param registry meters {@code chargen.concepts.read{outcome}} and {@code chargen.concepts.known}
   * @param contact told of every broker round trip
   */
  public ConceptStore(Vertx vertx, KafkaSettings kafka, BaseModel base, MeterRegistry registry,
      BrokerContact contact) {
    this.follower = new TopicFollower(vertx, kafka, "concepts", contact, this::read);
    this.state = new ConceptState(base);
    this.registry = registry;
    Gauge.builder("chargen.concepts.known", state, s -> s.concepts().size())
        .description("Labels with a learned concept in this replica's view of chargen.concepts")
        .register(registry);
  }

  /** @return completes when the store has read the topic up to the end offsets found at start */
  public Future<Void> start() {
    ready = follower.start(TopicFollower.From.BEGINNING, List.of(TOPIC), List.of())
        .onSuccess(v -> LOG.info("concept store ready: {} labels learned", state.concepts().size()));
    return ready;
  }

  /** @return completes once caught up with the topic as it was at start */
  public Future<Void> ready() {
    return ready;
  }

  /** @return completes once caught up with the end offsets as they are now, e.g. after a rebalance */
  public Future<Void> catchUp() {
    return ready.compose(v -> follower.catchUp());
  }

  /** @return whether {@link #ready()} completed successfully */
  public boolean isReady() {
    return ready.succeeded() && follower.isReady();
  }

  /** @return fails if reading the topic stopped on a fatal error */
  public Future<Void> failure() {
    return follower.failure();
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
    return follower.stop();
  }

  /** @return the follower, for client metrics */
  public TopicFollower follower() {
    return follower;
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
    Counter.builder("chargen.concepts.read")
        .description("Learned concepts read or recorded, by outcome (applied, stale, invalid)")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
