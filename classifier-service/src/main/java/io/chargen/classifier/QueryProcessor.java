package io.chargen.classifier;

import io.chargen.model.Classification;
import io.chargen.model.StrokeSequence;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BadRecordException;
import io.chargen.service.ConceptState;
import io.chargen.service.TrajectoryCodec;
import io.chargen.proto.SchemaVersions;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Answers one query: parse and validate the {@link Trajectory}, apply the authors' transform, classify it among the
 * learned labels with the configured {@link ClassifierMethod}, and build the {@link ClassificationResult}. No Kafka
 * here: the caller publishes the result. Thread-safe; the classifier is rebuilt only when the learned concepts
 * changed since the last query.
 */
public final class QueryProcessor {
  private static final double NANOS_PER_MILLI = 1e6;

  private final ConceptState state;
  private final ClassifierMethod method;
  private final LongSupplier nanoTime;
  private volatile Candidates candidates;

  /**
   * @param state the learned concepts and the base model grown by their codes
   * @param method the classification method
   * @param nanoTime the clock of {@code duration_ms}, e.g. {@code System::nanoTime}
   */
  public QueryProcessor(ConceptState state, ClassifierMethod method, LongSupplier nanoTime) {
    this.state = state;
    this.method = method;
    this.nanoTime = nanoTime;
  }

  /** @return the method's name, the {@code method} of results */
  public String method() {
    return method.name();
  }

  /**
   * @param value the record's bytes, a serialized {@link Trajectory}
   * @return the result, keyed by the query id when published
   * @throws BadRecordException naming the bad field and value
   * @throws NoConceptsYetException when there is no candidate yet (transient)
   */
  public ClassificationResult process(byte[] value) {
    Trajectory query = parse(value);
    StrokeSequence letter = TrajectoryCodec.letter(query);
    Candidates current = candidates();
    long start = nanoTime.getAsLong();
    Classification answer = current.classifier().classify(letter, current.labels());
    double millis = (nanoTime.getAsLong() - start) / NANOS_PER_MILLI;
    return ClassificationResult.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setQueryId(query.getId())
        .setLabel(answer.label())
        .putAllScores(answer.scores())
        .setMethod(answer.method())
        .setWriter(query.getWriter())
        .setDurationMs(millis)
        .build();
  }

  /**
   * @return the candidates for the concepts known now, rebuilt if they changed
   * @throws NoConceptsYetException if there are none
   */
  Candidates candidates() {
    List<LearnedConcept> concepts = state.concepts();
    Candidates known = candidates;
    if (known == null || !known.concepts().equals(concepts)) {
      known = Candidates.of(concepts, state.model(), method);
      candidates = known;
    }
    if (known.labels().isEmpty()) {
      throw new NoConceptsYetException();
    }
    return known;
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
