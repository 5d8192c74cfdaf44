package io.chargen.learner;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.StrokeSequence;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.StyleLearner;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.StyleExample;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.ConceptState;
import io.chargen.service.TrajectoryCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writer styles in the stream (issue 7). An example of a letter the base model was trained on, from a named writer,
 * teaches that writer's hand instead of replacing the letter for everyone: the style {@code @<writer>} is learned
 * one-shot ({@link StyleLearner}) from all of the writer's style examples so far, the newest per letter, which the
 * published concept carries so the next example (or a restarted learner) can learn from all of them again. Then a
 * generation mixing {@code x} and {@code @<writer>} writes x in that writer's hand.
 */
final class StyleTeacher {
  private final StyleLearner learner;

  StyleTeacher(StyleLearner learner) {
    this.learner = learner;
  }

  /**
   * @param base the base model
   * @param example a validated example
   * @return whether it teaches a style: the model has styles, the writer is named, the letter is a trained one
   */
  static boolean teachesStyle(CharModel base, Trajectory example) {
    return !example.getWriter().isBlank() && !base.concepts().styles().isEmpty()
        && base.naturalLength(example.getLabel()).isPresent();
  }

  /**
   * @param state known concepts
   * @param tenant the example's tenant, whose style of the writer this is
   * @param example the new example
   * @param sequence the example in the network's space
   * @param nowMs the learning time
   * @return the style concept's next version
   */
  LearnedConcept learn(ConceptState state, String tenant, Trajectory example, StrokeSequence sequence, long nowMs) {
    String style = ConceptSet.styleOf(example.getWriter());
    Map<String, StyleExample> examples = new LinkedHashMap<>();
    state.latest(tenant, style).ifPresent(c -> c.getStyleExamplesList().forEach(e -> examples.put(e.getLetter(), e)));
    examples.put(example.getLabel(), StyleExample.newBuilder().setLetter(example.getLabel())
        .setExampleId(example.getId()).addAllSteps(TrajectoryCodec.toSteps(sequence)).build());
    Map<String, StrokeSequence> letters = new LinkedHashMap<>();
    examples.forEach((letter, e) -> letters.put(letter, TrajectoryCodec.fromSteps(e.getStepsList())));
    OneShotResult result = learner.learnStyle(state.model(tenant), style, letters);
    LearnedConcept.Builder concept = LearnedConcept.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setLabel(style)
        .setTenant(tenant)
        .setModelId(state.base().id())
        .setVersion(state.latestVersion(tenant, style) + 1)
        .setSourceExampleId(example.getId())
        .setSourceWriter(example.getWriter())
        .setMseBefore(result.lossBefore())
        .setMseAfter(result.lossAfter())
        .setLearnedAtMs(nowMs)
        .addAllStyleExamples(examples.values());
    for (float c : result.code()) {
      concept.addCode(c);
    }
    return concept.build();
  }
}
