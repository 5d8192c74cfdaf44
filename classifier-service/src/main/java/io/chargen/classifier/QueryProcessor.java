package io.chargen.classifier;

import io.chargen.model.Classification;
import io.chargen.model.StrokeSequence;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BadRecordException;
import io.chargen.service.ConceptState;
import io.chargen.service.TrajectoryCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Answers one query: parse and validate the {@link Trajectory}, apply the authors' transform, classify it among the
 * labels its tenant learned (issue 12: never another tenant's; the model is the shared base grown by that tenant's
 * codes only) with the configured {@link ClassifierMethod}, and build the {@link ClassificationResult}. No Kafka
 * here: the caller publishes the result. Thread-safe; a tenant's classifier is rebuilt only when its learned
 * concepts changed since its last query, and kept for the {@value #CACHED_TENANTS} tenants asked last. With nothing taught yet a query gets an explicit answer ({@code NOTHING_TAUGHT}), after
 * a short wait for a letter that may be on its way.
 */
public final class QueryProcessor {
  /**
   * How old (since capture) a query with no candidate must be before it is answered "nothing taught". A younger one
   * fails transiently and is retried: a letter taught a moment before may still be on its way (pad letters reached
   * the dashboard 0.2–0.5 s after Teach, issue 16). {@link io.chargen.service.FailurePolicy#DEFAULT} retries for
   * about 3 s, longer than this, so such a query is answered, never dead-lettered (QueryProcessorTest checks it).
   */
  public static final Duration NOTHING_TAUGHT_AFTER = Duration.ofSeconds(1);
  private static final double NANOS_PER_MILLI = 1e6;
  /** Tenants whose classifier is kept built: one is rebuilt from its concepts in milliseconds. */
  static final int CACHED_TENANTS = 256;

  private final ConceptState state;
  private final ClassifierMethod method;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Map<String, Candidates> candidates = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Candidates> eldest) {
      return size() > CACHED_TENANTS;
    }
  };

  /**
   * @param state the learned concepts and the base model grown by their codes
   * @param method the classification method
   * @param nanoTime the clock of {@code duration_ms}, e.g. {@code System::nanoTime}
   */
  public QueryProcessor(ConceptState state, ClassifierMethod method, LongSupplier nanoTime) {
    this(state, method, Clock.systemUTC(), nanoTime);
  }

  /**
   * @param state the learned concepts and the base model grown by their codes
   * @param method the classification method
   * @param clock the wall clock that a query's {@code captured_at_ms} is compared with
   * @param nanoTime the clock of {@code duration_ms}, e.g. {@code System::nanoTime}
   */
  public QueryProcessor(ConceptState state, ClassifierMethod method, Clock clock, LongSupplier nanoTime) {
    this.state = state;
    this.method = method;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /** @return the method's name, the {@code method} of results */
  public String method() {
    return method.name();
  }

  /**
   * @param value the record's bytes, a serialized {@link Trajectory}
   * @return the result, keyed by the query id when published: the closest candidate, or {@code NOTHING_TAUGHT}
   * @throws BadRecordException naming the bad field and value
   * @throws NoConceptsYetException when there is no candidate yet and the query is younger than
   *     {@link #NOTHING_TAUGHT_AFTER} (transient)
   */
  public ClassificationResult process(byte[] value) {
    Trajectory query = parse(value);
    StrokeSequence letter = TrajectoryCodec.letter(query);
    Candidates current = candidates(TenantKeys.tenantOf(query.getTenant()));
    if (current.isEmpty()) {
      return nothingTaught(query);
    }
    long start = nanoTime.getAsLong();
    Classification answer = current.classifier().orElseThrow().classify(letter, current.labels());
    double millis = (nanoTime.getAsLong() - start) / NANOS_PER_MILLI;
    return result(query, answer.method())
        .setLabel(answer.label())
        .putAllScores(answer.scores())
        .setDurationMs(millis)
        .build();
  }

  /**
   * @param tenant a tenant
   * @return the candidates for the tenant's concepts known now (possibly none), rebuilt if they changed
   */
  Candidates candidates(String tenant) {
    List<LearnedConcept> concepts = state.concepts(tenant);
    Candidates known;
    synchronized (candidates) {
      known = candidates.get(tenant);
    }
    if (known == null || !known.concepts().equals(concepts)) {
      known = Candidates.of(concepts, state.model(tenant), method);
      synchronized (candidates) {
        candidates.put(tenant, known);
      }
    }
    return known;
  }

  private ClassificationResult nothingTaught(Trajectory query) {
    long waitedMs = clock.millis() - query.getCapturedAtMs();
    if (waitedMs < NOTHING_TAUGHT_AFTER.toMillis()) {
      throw new NoConceptsYetException();
    }
    return result(query, method.name()).setOutcome(ClassificationResult.Outcome.NOTHING_TAUGHT).build();
  }

  private static ClassificationResult.Builder result(Trajectory query, String method) {
    return ClassificationResult.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setQueryId(query.getId())
        .setTenant(TenantKeys.tenantOf(query.getTenant()))
        .setMethod(method)
        .setWriter(query.getWriter());
  }

  /**
   * @param value serialized trajectory
   * @return the validated query ({@code TrajectoryLimits}, as capture checks it)
   * @throws BadRecordException naming the bad field and value
   */
  static Trajectory parse(byte[] value) {
    return TrajectoryCodec.parse(value, false);
  }
}
