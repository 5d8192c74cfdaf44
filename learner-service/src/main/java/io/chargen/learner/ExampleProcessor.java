package io.chargen.learner;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.PenPoint;
import io.chargen.model.data.Transform;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.StyleLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BadRecordException;
import io.chargen.service.ProtoSteps;
import io.chargen.service.ConceptState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one labelled example into a {@link LearnedConcept}: parse and validate the {@link Trajectory}, apply the
 * authors' transform, learn the concept's code one-shot against the frozen base network (Fabi et al. 2020,
 * Sec. 3.1), and number it one above the label's latest known version. A named writer's example of a letter the base
 * model was trained on teaches that writer's style instead ({@link StyleTeacher}). Idempotent: an example whose id
 * any known concept was learned from is skipped, so a redelivered example never makes a second version. No Kafka
 * here: the caller publishes the concept and then {@link ConceptState#apply records} it.
 */
public final class ExampleProcessor {
  /** Most points accepted: the longest DigiLeTs letters have a few hundred; 2000 is 40 s at 50 Hz. */
  public static final int MAX_POINTS = 2_000;

  /** What happened to an example. */
  public enum Outcome {
    /** A new concept version was learned. */
    LEARNED,
    /** Already learned from this example id. */
    SKIPPED,
    /** Rejected. */
    INVALID;

    /** @return the metrics tag */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ConceptState state;
  private final OneShotLearner learner;
  private final StyleTeacher styles;
  private final Clock clock;

  /**
   * @param state the known concepts and the base model
   * @param learner the one-shot learner with its schedule
   * @param styleLearner learns writer styles (issue 7)
   * @param clock stamps {@code learned_at_ms}
   */
  public ExampleProcessor(ConceptState state, OneShotLearner learner, StyleLearner styleLearner, Clock clock) {
    this.state = state;
    this.learner = learner;
    this.styles = new StyleTeacher(styleLearner);
    this.clock = clock;
  }

  /**
   * @param value the record's bytes, a serialized {@link Trajectory}
   * @return the learned concept, or empty if this example was learned before
   * @throws BadRecordException naming the bad field and value
   */
  public Optional<LearnedConcept> process(byte[] value) {
    Trajectory example = parse(value);
    if (state.learnedFrom(example.getId())) {
      return Optional.empty();
    }
    StrokeSequence sequence = Transform.apply(penPoints(example));
    if (StyleTeacher.teachesStyle(state.base().model(), example)) {
      return Optional.of(styles.learn(state, example, sequence, clock.millis()));
    }
    // Seeded by the example id: the same example always starts from the same code.
    OneShotResult result = learner.learn(state.model(), Map.of(example.getLabel(), sequence),
        example.getId().hashCode()).results().get(example.getLabel());
    LearnedConcept.Builder concept = LearnedConcept.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setLabel(example.getLabel())
        .setModelId(state.base().id())
        .setVersion(state.latestVersion(example.getLabel()) + 1)
        .setSourceExampleId(example.getId())
        .setMseBefore(result.lossBefore())
        .setMseAfter(result.lossAfter())
        .setLearnedAtMs(clock.millis())
        .addAllExample(ProtoSteps.toSteps(sequence));
    for (float c : result.code()) {
      concept.addCode(c);
    }
    return Optional.of(concept.build());
  }

  /**
   * @param value serialized trajectory
   * @return the validated trajectory
   * @throws BadRecordException naming the bad field and value
   */
  static Trajectory parse(byte[] value) {
    Trajectory example;
    try {
      example = Trajectory.parseFrom(value);
      SchemaVersions.require("Trajectory", example.getSchemaVersion());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new BadRecordException("not a Trajectory: " + e.getMessage(), e);
    }
    if (example.getId().isBlank()) {
      throw new BadRecordException("id is empty; an example needs an id to be learned exactly once");
    }
    if (example.getLabel().isBlank()) {
      throw new BadRecordException("label of example " + example.getId() + " is empty; an example needs its concept");
    }
    int points = example.getPointsCount();
    if (points < Transform.DROPPED_TAIL_POINTS + 1 || points > MAX_POINTS) {
      throw new BadRecordException("points of example " + example.getId() + " has " + points + " values; allowed "
          + (Transform.DROPPED_TAIL_POINTS + 1) + ".." + MAX_POINTS);
    }
    return example;
  }

  private static List<PenPoint> penPoints(Trajectory example) {
    List<PenPoint> points = new ArrayList<>(example.getPointsCount());
    for (int i = 0; i < example.getPointsCount(); i++) {
      io.chargen.proto.v1.PenPoint p = example.getPoints(i);
      requireFinite(example, i, "x", p.getX());
      requireFinite(example, i, "y", p.getY());
      requireFinite(example, i, "pressure", p.getPressure());
      requireFinite(example, i, "t", p.getT());
      points.add(new PenPoint(p.getX(), p.getY(), p.getPressure(), p.getDown(), p.getT()));
    }
    return points;
  }

  private static void requireFinite(Trajectory example, int index, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new BadRecordException("points[" + index + "]." + field + " of example " + example.getId() + " is "
          + value + "; must be finite");
    }
  }
}
