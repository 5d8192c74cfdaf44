package io.chargen.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.PenPoint;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BadRecordException;
import io.chargen.service.ConceptState;
import io.chargen.service.ConfigException;
import io.chargen.service.FailurePolicy;
import io.chargen.service.TestEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryProcessorTest {
  /** Few steps keep the paper method's test in milliseconds; the correctness of the inference is model's test. */
  private static final String FEW_PAPER_STEPS = "5";

  private static final Trajectory GOOD = Queries.query("q-bad", Queries.circle());
  /** The processor's wall clock; queries from {@link Queries#query} were captured long before (at 0). */
  private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);

  private final ConceptState state = new ConceptState(Queries.tinyBase());

  private QueryProcessor processor(String method) {
    ClassifierConfig config = ClassifierConfig.fromEnv(TestEnvironment.of(Map.of(
        ClassifierConfig.METHOD, method, ClassifierConfig.PAPER_STEPS, FEW_PAPER_STEPS)));
    return new QueryProcessor(state, config.method(), Clock.fixed(NOW, ZoneOffset.UTC), System::nanoTime);
  }

  /** @return a query captured {@code agoMs} before the processor's clock */
  private static byte[] capturedAgo(long agoMs) {
    return Queries.query("q-1", Queries.circle()).toBuilder().setCapturedAtMs(NOW.toEpochMilli() - agoMs).build()
        .toByteArray();
  }

  private void learnCircleAndZigzag() {
    state.apply(Queries.concept("a", 1, Queries.MODEL_ID, Queries.circle()));
    state.apply(Queries.concept("b", 1, Queries.MODEL_ID, Queries.zigzag()));
  }

  @Test
  @DisplayName("best, the default, tells the two learned letters apart from their own examples")
  void bestFindsTheConceptOfItsOwnExample() {
    learnCircleAndZigzag();
    QueryProcessor processor = processor("best");

    assertThat(processor.process(Queries.query("q-1", Queries.circle()).toByteArray()).getLabel()).isEqualTo("a");
    ClassificationResult zigzag = processor.process(Queries.query("q-2", Queries.zigzag()).toByteArray());
    assertThat(zigzag.getLabel()).isEqualTo("b");
    assertThat(zigzag.getMethod()).as("the method actually used").isEqualTo("shape_dtw");
  }

  @Test
  @DisplayName("dtw_1nn classifies a query equal to a concept's example as that concept, with a score per label")
  void dtwFindsTheConceptOfItsOwnExample() {
    learnCircleAndZigzag();
    QueryProcessor processor = processor("dtw_1nn");

    ClassificationResult round = processor.process(Queries.query("q-1", Queries.circle()).toByteArray());
    ClassificationResult zigzag = processor.process(Queries.query("q-2", Queries.zigzag()).toByteArray());

    assertThat(round.getLabel()).isEqualTo("a");
    assertThat(zigzag.getLabel()).isEqualTo("b");
    assertThat(round.getQueryId()).isEqualTo("q-1");
    assertThat(round.getWriter()).isEqualTo("w-1");
    assertThat(round.getMethod()).isEqualTo("dtw_1nn");
    assertThat(round.getScoresMap()).containsOnlyKeys("a", "b").containsEntry("a", -0.0);
    assertThat(round.getDurationMs()).isNotNegative();
  }

  @Test
  @DisplayName("the paper method infers an input over the learned labels with a configurable number of steps")
  void paperMethodRunsWithFewSteps() {
    learnCircleAndZigzag();

    ClassificationResult result = processor("paper").process(Queries.query("q-1", Queries.circle()).toByteArray());

    assertThat(result.getMethod()).isEqualTo("paper");
    assertThat(result.getScoresMap()).containsOnlyKeys("a", "b");
    assertThat(result.getLabel()).isIn("a", "b");
    assertThat(result.getScoresMap().values()).allMatch(Double::isFinite);
  }

  @Test
  @DisplayName("a concept learned after the first query becomes a candidate of the next one")
  void followsNewConcepts() {
    state.apply(Queries.concept("a", 1, Queries.MODEL_ID, Queries.circle()));
    QueryProcessor processor = processor("dtw_1nn");
    assertThat(processor.process(Queries.query("q-1", Queries.zigzag()).toByteArray()).getLabel()).isEqualTo("a");

    state.apply(Queries.concept("b", 1, Queries.MODEL_ID, Queries.zigzag()));

    assertThat(processor.process(Queries.query("q-2", Queries.zigzag()).toByteArray()).getLabel()).isEqualTo("b");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"best", "dtw_1nn", "paper"})
  @DisplayName("with nothing learned a query just captured fails transiently: a letter taught before may be coming")
  void noConceptsIsTransientAtFirst(String method) {
    byte[] query = capturedAgo(QueryProcessor.NOTHING_TAUGHT_AFTER.toMillis() - 1);

    assertThatThrownBy(() -> processor(method).process(query))
        .isInstanceOf(NoConceptsYetException.class).isNotInstanceOf(BadRecordException.class)
        .hasMessage("no concepts learned yet");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"best", "dtw_1nn", "paper"})
  @DisplayName("with nothing learned a query that waited is answered NOTHING_TAUGHT, without label or scores")
  void noConceptsIsAnsweredOnceTheQueryWaited(String method) {
    ClassificationResult result = processor(method).process(capturedAgo(QueryProcessor.NOTHING_TAUGHT_AFTER
        .toMillis()));

    assertThat(result.getOutcome()).isEqualTo(ClassificationResult.Outcome.NOTHING_TAUGHT);
    assertThat(result.getQueryId()).isEqualTo("q-1");
    assertThat(result.getWriter()).isEqualTo("w-1");
    assertThat(result.getMethod()).isEqualTo(method);
    assertThat(result.getLabel()).isEmpty();
    assertThat(result.getScoresMap()).isEmpty();
  }

  @Test
  @DisplayName("the default retries last longer than the wait, so a query with nothing taught is never dead-lettered")
  void retriesOutlastTheWait() {
    FailurePolicy policy = FailurePolicy.DEFAULT;
    Duration retried = Duration.ZERO;
    for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
      retried = retried.plus(policy.backoff(attempt));
    }

    assertThat(retried).isGreaterThan(QueryProcessor.NOTHING_TAUGHT_AFTER);
  }

  @Test
  @DisplayName("a classified result says so")
  void classifiedResultsSaySo() {
    learnCircleAndZigzag();

    assertThat(processor("best").process(capturedAgo(0)).getOutcome())
        .isEqualTo(ClassificationResult.Outcome.CLASSIFIED);
  }

  @Test
  @DisplayName("a concept without an example is a candidate of the paper method but not of dtw_1nn")
  void conceptsWithoutExamplesServeOnlyModelMethods() {
    state.apply(Queries.concept("a", 1, Queries.MODEL_ID, null));
    byte[] query = Queries.query("q-1", Queries.circle()).toByteArray();

    assertThat(processor("dtw_1nn").process(query).getOutcome())
        .isEqualTo(ClassificationResult.Outcome.NOTHING_TAUGHT);
    assertThat(processor("paper").process(query).getLabel()).isEqualTo("a");
  }

  @Test
  @DisplayName("a writer's style is never a candidate: with only a style learned there is nothing to classify into")
  void stylesAreNotCandidates() {
    state.apply(Queries.concept("@alice", 1, Queries.MODEL_ID, null));
    byte[] query = Queries.query("q-1", Queries.circle()).toByteArray();
    assertThat(processor("paper").process(query).getOutcome())
        .isEqualTo(ClassificationResult.Outcome.NOTHING_TAUGHT);
    state.apply(Queries.concept("a", 1, Queries.MODEL_ID, null));
    assertThat(processor("paper").process(query).getScoresMap()).containsOnlyKeys("a");
  }

  static Stream<Arguments> invalidQueries() {
    List<PenPoint> many = new ArrayList<>(Collections.nCopies(io.chargen.service.TrajectoryLimits.MAX_POINTS + 1, GOOD.getPoints(0)));
    return Stream.of(
        bad("garbage bytes", t -> new byte[] {(byte) 0xff, 0x01, 0x02}, "not a Trajectory"),
        bad("unknown schema version", t -> t.toBuilder().setSchemaVersion(99).build().toByteArray(),
            "schema_version 99"),
        bad("empty id", t -> t.toBuilder().setId("").build().toByteArray(), "id is empty"),
        bad("no points", t -> t.toBuilder().clearPoints().build().toByteArray(), "trajectory q-bad: points is empty"),
        bad("one point", t -> t.toBuilder().clearPoints().addPoints(t.getPoints(0)).build().toByteArray(),
            "trajectory q-bad: points has 1 entries"),
        bad("too many points", t -> t.toBuilder().clearPoints().addAllPoints(many).build().toByteArray(),
            "trajectory q-bad: points has 2001 entries; allowed 2..2000"),
        bad("NaN x", t -> withX(t, 3, Double.NaN), "points[3].x = NaN is not finite"),
        bad("infinite y", t -> withPoint(t, 4, t.getPoints(4).toBuilder().setY(Double.NEGATIVE_INFINITY)),
            "points[4].y = -Infinity is not finite"),
        bad("infinite pressure", t -> withPoint(t, 0, t.getPoints(0).toBuilder().setPressure(Double.MAX_VALUE * 2)),
            "points[0].pressure = Infinity is not finite"),
        bad("NaN t", t -> withPoint(t, 5, t.getPoints(5).toBuilder().setT(Double.NaN)),
            "points[5].t = NaN is not finite"),
        bad("coordinates beyond the limits", t -> withX(Trajectory.parseFrom(withX(t, 1, Double.MAX_VALUE)), 2,
            -Double.MAX_VALUE), "points[1].x = 1.7976931348623157E308 is outside"),
        bad("time going backwards", t -> withPoint(t, 3, t.getPoints(3).toBuilder().setT(-1)),
            "points[3].t = -1.0 is outside"));
  }

  /** Builds a trajectory's bad bytes; may throw while re-parsing an intermediate step. */
  @FunctionalInterface
  private interface Mutation {
    byte[] apply(Trajectory good) throws Exception;
  }

  private static Arguments bad(String name, Mutation mutation, String message) {
    try {
      return Arguments.of(name, mutation.apply(GOOD), message);
    } catch (Exception e) {
      throw new AssertionError(name, e);
    }
  }

  private static byte[] withX(Trajectory t, int index, double x) {
    return withPoint(t, index, t.getPoints(index).toBuilder().setX(x));
  }

  private static byte[] withPoint(Trajectory t, int index, PenPoint.Builder point) {
    return t.toBuilder().setPoints(index, point).build().toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidQueries")
  @DisplayName("an invalid query is rejected as a bad record naming the field and the value")
  void rejectsInvalidQueries(String name, byte[] value, String message) {
    learnCircleAndZigzag();

    assertThatThrownBy(() -> processor("dtw_1nn").process(value))
        .isInstanceOf(BadRecordException.class).hasMessageContaining(message);
  }

  @Test
  @DisplayName("an unknown CHARGEN_CLASSIFIER value is a configuration error naming it and the known methods")
  void unknownMethodIsAConfigError() {
    assertThatThrownBy(() -> ClassifierConfig.fromEnv(TestEnvironment.of(Map.of(ClassifierConfig.METHOD, "bestest"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CHARGEN_CLASSIFIER=bestest is not one of [best, dtw_1nn, paper, paper_fast]");
  }

  @Test
  @DisplayName("a bad CHARGEN_PAPER_STEPS value is a configuration error naming it")
  void badPaperStepsIsAConfigError() {
    assertThatThrownBy(() -> ClassifierConfig.fromEnv(TestEnvironment.of(Map.of(ClassifierConfig.PAPER_STEPS, "0"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CHARGEN_PAPER_STEPS=0");
  }

  @Test
  @DisplayName("the defaults are best on port 8083 in group chargen-classifier with the shipped model")
  void defaults() {
    ClassifierConfig config = ClassifierConfig.fromEnv(TestEnvironment.of(Map.of()));

    assertThat(config.method().name()).isEqualTo("best");
    assertThat(config.http().port()).isEqualTo(8083);
    assertThat(config.groupId()).isEqualTo("chargen-classifier");
    assertThat(config.model()).hasToString("models/base.cgm");
    assertThat(config.kafka().bootstrap()).isEqualTo("localhost:9092");
  }
}
