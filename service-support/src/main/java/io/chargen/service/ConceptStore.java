package io.chargen.service;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.model.CharModel;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
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
 * {@link #ready()}, i.e. once it has read up to the end offsets seen at start. Records are keyed
 * {@code <tenant>/<label>} ({@link TenantKeys}); a null value (tombstone) erases that tenant's concept (issue 12), so
 * every replica forgets it, also one that reads the topic from the beginning after a restart. A bad record is
 * counted and logged, never dead-lettered (this view does not own the topic). Create it on the verticle's context.
 * Meters: {@code chargen.concepts.read{outcome}} and {@code chargen.concepts.known}.
 */
public final class ConceptStore {
  private static final Logger LOG = LoggerFactory.getLogger(ConceptStore.class);
  private static final String TOPIC = Topics.CONCEPTS.topic();

  private final TopicFollower follower;
  private final ConceptState state;
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
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
    Gauge.builder("chargen.concepts.known", state, ConceptState::size)
        .description("Learned concepts of all tenants in this replica's view of chargen.concepts")
        .register(registry);
  }

  /** @return completes when the store has read the topic up to the end offsets found at start */
  public Future<Void> start() {
    ready = follower.start(TopicFollower.From.BEGINNING, List.of(TOPIC), List.of())
        .onSuccess(v -> LOG.info("concept store ready: {} concepts learned", state.size()));
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

  /**
   * @param tenant a tenant id
   * @return the base model with that tenant's learned codes
   */
  public CharModel model(String tenant) {
    return state.model(tenant);
  }

  /**
   * A change of one tenant's concept.
   *
   * @param tenant the tenant
   * @param label the label
   * @param version the new version, 0 when erased
   */
  public record Change(String tenant, String label, long version) {
    /** @return whether the concept was erased */
    public boolean erased() {
      return version == 0;
    }
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

  /**
   * Applies an erasure this process just published (acknowledged), before it is read back.
   *
   * @param tenant the tenant
   * @param label the label erased
   */
  public void recordErasure(String tenant, String label) {
    erase(tenant, label);
  }

  /** @param listener called on the store's context with each concept learned or erased */
  public void addListener(Consumer<Change> listener) {
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
    try {
      if (record.value() == null) {
        if (record.key() == null) {
          throw new IllegalArgumentException("a tombstone without key erases nothing");
        }
        TenantKeys.Scoped erased = TenantKeys.parse(record.key());
        erase(erased.tenant(), erased.id());
        return;
      }
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
      notify(new Change(TenantKeys.tenantOf(concept.getTenant()), concept.getLabel(), concept.getVersion()));
    }
  }

  private void erase(String tenant, String label) {
    if (state.erase(tenant, label).isPresent()) {
      count(ConceptState.Outcome.APPLIED);
      LOG.info("erased concept '{}' of tenant {}", label, tenant);
      notify(new Change(tenant, label, 0));
    }
  }

  private void notify(Change change) {
    for (Consumer<Change> listener : listeners) {
      listener.accept(change);
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
