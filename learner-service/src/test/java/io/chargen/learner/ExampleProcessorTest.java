package io.chargen.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.fixtures.RealLetters;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotSchedule;
import io.chargen.model.learn.StyleLearner;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.PenPoint;
import io.chargen.proto.v1.StyleExample;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BadRecordException;
import io.chargen.service.BaseModel;
import io.chargen.service.ConceptState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExampleProcessorTest {
  private static final int HIDDEN = 8;
  /** A short L-BFGS budget: these tests check the bookkeeping, not the learning quality. */
  private static final OneShotSchedule QUICK = new OneShotSchedule("quick", OneShotSchedule.Method.LBFGS, 5, 0);

  private final ConceptState state =
      new ConceptState(new BaseModel(TinyModels.untrained("abc", HIDDEN, 1), "tiny-1"));
  private final ExampleProcessor processor = processor(state);

  private static ExampleProcessor processor(ConceptState state) {
    return new ExampleProcessor(state, new OneShotLearner(new FastBackend(), QUICK),
        new StyleLearner(new FastBackend(), QUICK), Clock.fixed(Instant.ofEpochMilli(42), ZoneOffset.UTC));
  }

  @Test
  @DisplayName("a valid example becomes version 1 of its concept, with code, model id, source and losses")
  void learnsVersionOne() {
    LearnedConcept c = processor.process(Examples.real("ex-1", "x", 'a', 0).toByteArray()).orElseThrow();
    assertThat(c.getLabel()).isEqualTo("x");
    assertThat(c.getVersion()).isEqualTo(1);
    assertThat(c.getModelId()).isEqualTo("tiny-1");
    assertThat(c.getSourceExampleId()).isEqualTo("ex-1");
    assertThat(c.getCodeCount()).isEqualTo(HIDDEN);
    assertThat(c.getMseAfter()).isLessThanOrEqualTo(c.getMseBefore());
    assertThat(c.getLearnedAtMs()).isEqualTo(42);
    assertThat(state.validate(c)).isNull();
    assertThat(io.chargen.service.TrajectoryCodec.fromSteps(c.getExampleList()))
        .as("the concept carries its transformed example as the template for distance-based classifiers")
        .isEqualTo(io.chargen.model.data.Transform.apply(io.chargen.model.fixtures.RealLetters.sample(
            io.chargen.model.fixtures.RealLetters.FIRST_WRITER, 'a', 0)));
  }

  @Test
  @DisplayName("a second example of a label, once the first is recorded, becomes version 2")
  void repeatedLabel() {
    state.apply(processor.process(Examples.real("ex-1", "x", 'a', 0).toByteArray()).orElseThrow());
    LearnedConcept second = processor.process(Examples.real("ex-2", "x", 'a', 1).toByteArray()).orElseThrow();
    assertThat(second.getVersion()).isEqualTo(2);
  }

  @Test
  @DisplayName("an example already learned from is skipped")
  void duplicateSkipped() {
    state.apply(processor.process(Examples.real("ex-1", "x", 'a', 0).toByteArray()).orElseThrow());
    assertThat(processor.process(Examples.real("ex-1", "x", 'a', 0).toByteArray())).isEmpty();
  }

  @Test
  @DisplayName("the same example learns the same code (seeded by its id)")
  void deterministic() {
    byte[] example = Examples.real("ex-1", "x", 'b', 0).toByteArray();
    assertThat(processor.process(example).orElseThrow().getCodeList())
        .isEqualTo(processor.process(example).orElseThrow().getCodeList());
  }

  @Test
  @DisplayName("bytes that are not a Trajectory are a bad record")
  void garbage() {
    assertThatThrownBy(() -> processor.process(new byte[] {(byte) 0xff, 0x01, 0x02}))
        .isInstanceOf(BadRecordException.class).hasMessageStartingWith("not a Trajectory:");
  }

  @Test
  @DisplayName("an unknown schema version names the version and the supported ones")
  void schemaVersion() {
    byte[] v9 = valid().setSchemaVersion(9).build().toByteArray();
    assertThatThrownBy(() -> processor.process(v9)).isInstanceOf(BadRecordException.class)
        .hasMessageContaining("Trajectory has schema_version 9; this build reads [1]");
  }

  @Test
  @DisplayName("an empty id or label is rejected, naming the field")
  void emptyIdOrLabel() {
    assertThatThrownBy(() -> processor.process(valid().setId("").build().toByteArray()))
        .isInstanceOf(BadRecordException.class).hasMessageStartingWith("id is empty");
    assertThatThrownBy(() -> processor.process(valid().setLabel("").build().toByteArray()))
        .isInstanceOf(BadRecordException.class).hasMessage(
            "trajectory ex-9: label is empty");
  }

  @Test
  @DisplayName("no points, one point and more than 2000 points are rejected with the count")
  void pointCounts() {
    assertThatThrownBy(() -> processor.process(valid().clearPoints().build().toByteArray()))
        .isInstanceOf(BadRecordException.class).hasMessage("trajectory ex-9: points is empty");
    Trajectory.Builder one = valid().clearPoints().addPoints(point(0, 0));
    assertThatThrownBy(() -> processor.process(one.build().toByteArray()))
        .hasMessage("trajectory ex-9: points has 1 entries; allowed 2..2000");
    Trajectory.Builder many = valid().clearPoints();
    for (int i = 0; i <= io.chargen.service.TrajectoryLimits.MAX_POINTS; i++) {
      many.addPoints(point(i, i));
    }
    assertThatThrownBy(() -> processor.process(many.build().toByteArray()))
        .hasMessage("trajectory ex-9: points has 2001 entries; allowed 2..2000");
  }

  @Test
  @DisplayName("a non-finite coordinate, pressure or time names the point, field and value")
  void nonFinite() {
    assertThatThrownBy(() -> processor.process(valid().setPoints(1, point(Double.NaN, 0)).build().toByteArray()))
        .isInstanceOf(BadRecordException.class).hasMessage("trajectory ex-9: points[1].x = NaN is not finite");
    PenPoint infinitePressure = point(0, 0).toBuilder().setPressure(Double.POSITIVE_INFINITY).build();
    assertThatThrownBy(() -> processor.process(valid().setPoints(2, infinitePressure).build().toByteArray()))
        .hasMessage("trajectory ex-9: points[2].pressure = Infinity is not finite");
  }

  private static Trajectory.Builder valid() {
    return Examples.real("ex-9", "x", 'c', 0).toBuilder();
  }

  private static PenPoint point(double x, double y) {
    return PenPoint.newBuilder().setX(x).setY(y).setPressure(0.5).setDown(true).setT(0).build();
  }

  @Test
  @DisplayName("a named writer's example of a trained letter teaches their style from all their letters so far; "
      + "other examples learn letters as before")
  void teachesWriterStyles() {
    CharModel styled = CharModel.untrained(ConceptSet.of(List.of("a", "b", "c", "@u", "@v")), HIDDEN, 1)
        .withNaturalLength("a", 20).withNaturalLength("b", 20);
    ConceptState styles = new ConceptState(new BaseModel(styled, "styled-1"));
    ExampleProcessor learner = processor(styles);
    String style = ConceptSet.styleOf(RealLetters.FIRST_WRITER);
    LearnedConcept first = learner.process(Examples.real("ex-1", "a", 'a', 0).toByteArray()).orElseThrow();
    assertThat(first.getLabel()).isEqualTo(style);
    assertThat(first.getStyleExamplesList()).extracting(StyleExample::getLetter).containsExactly("a");
    assertThat(styles.validate(first)).isNull();
    styles.apply(first);
    LearnedConcept second = learner.process(Examples.real("ex-2", "b", 'b', 0).toByteArray()).orElseThrow();
    assertThat(second.getVersion()).isEqualTo(2);
    assertThat(second.getStyleExamplesList()).extracting(StyleExample::getExampleId).containsExactly("ex-1", "ex-2");
    styles.apply(second);
    assertThat(learner.process(Examples.real("ex-1", "a", 'a', 0).toByteArray())).as("redelivered").isEmpty();
    assertThat(styles.model(io.chargen.proto.TenantKeys.DEFAULT_TENANT).concepts().styles()).contains(style);
    assertThat(learner.process(Examples.real("ex-3", "c", 'c', 0).toByteArray()).orElseThrow().getLabel())
        .as("c has no natural length: not a trained letter, so it is learned as a letter").isEqualTo("c");
    Trajectory anonymous = Examples.real("ex-4", "a", 'a', 1).toBuilder().setWriter("").build();
    assertThat(learner.process(anonymous.toByteArray()).orElseThrow().getLabel()).isEqualTo("a");
  }
}
