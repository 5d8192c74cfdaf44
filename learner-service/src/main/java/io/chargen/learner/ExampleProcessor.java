package io.chargen.learner;

import io.chargen.model.StrokeSequence;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.StyleLearner;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BadRecordException;
import io.chargen.service.ConceptState;
import io.chargen.service.TrajectoryCodec;
import java.time.Clock;
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
    StrokeSequence sequence = TrajectoryCodec.letter(example);
    // The example's tenant owns what it teaches: learned against the base and that tenant's concepts only.
    String tenant = TenantKeys.tenantOf(example.getTenant());
    if (StyleTeacher.teachesStyle(state.base().model(), example)) {
      return Optional.of(styles.learn(state, tenant, example, sequence, clock.millis()));
    }
    // Seeded by the example id: the same example always starts from the same code.
    OneShotResult result = learner.learn(state.model(tenant), Map.of(example.getLabel(), sequence),
        example.getId().hashCode()).results().get(example.getLabel());
    LearnedConcept.Builder concept = LearnedConcept.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setLabel(example.getLabel())
        .setTenant(tenant)
        .setModelId(state.base().id())
        .setVersion(state.latestVersion(tenant, example.getLabel()) + 1)
        .setSourceExampleId(example.getId())
        .setSourceWriter(example.getWriter())
        .setMseBefore(result.lossBefore())
        .setMseAfter(result.lossAfter())
        .setLearnedAtMs(clock.millis())
        .addAllExample(TrajectoryCodec.toSteps(sequence));
    for (float c : result.code()) {
      concept.addCode(c);
    }
    return Optional.of(concept.build());
  }

  /**
   * @param value serialized trajectory
   * @return the validated trajectory ({@code TrajectoryLimits}, as capture checks it)
   * @throws BadRecordException naming the bad field and value
   */
  static Trajectory parse(byte[] value) {
    return TrajectoryCodec.parse(value, true);
  }
}
