package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.fixtures.TinyModels;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.LearnedConcept;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConceptStateTest {
  private static final int HIDDEN = 8;
  private final BaseModel base = new BaseModel(TinyModels.untrained("abc", HIDDEN, 1), "base-1");
  private final ConceptState state = new ConceptState(base);

  static LearnedConcept concept(String label, long version, String source, float fill) {
    LearnedConcept.Builder b = LearnedConcept.newBuilder().setSchemaVersion(SchemaVersions.CURRENT)
        .setLabel(label).setVersion(version).setSourceExampleId(source).setModelId("base-1");
    for (int i = 0; i < HIDDEN; i++) {
      b.addCode(fill);
    }
    return b.build();
  }

  @Test
  @DisplayName("a new label grows the model and its code is the learned one")
  void newLabel() {
    assertThat(state.apply(concept("x", 1, "e1", 0.5f))).isEqualTo(ConceptState.Outcome.APPLIED);
    assertThat(state.model().concepts().labels()).containsExactly("a", "b", "c", "x");
    assertThat(state.model().code("x")).containsOnly(0.5f);
    assertThat(state.latestVersion("x")).isEqualTo(1);
    assertThat(state.latestVersion("y")).isZero();
    assertThat(state.learnedFrom("e1")).isTrue();
  }

  @Test
  @DisplayName("the highest version wins, whatever the order the versions arrive in")
  void highestVersionWins() {
    state.apply(concept("x", 2, "e2", 0.2f));
    assertThat(state.apply(concept("x", 1, "e1", 0.1f))).isEqualTo(ConceptState.Outcome.STALE);
    assertThat(state.apply(concept("x", 2, "e2", 0.2f))).isEqualTo(ConceptState.Outcome.STALE);
    assertThat(state.model().code("x")).containsOnly(0.2f);
    assertThat(state.concepts()).extracting(LearnedConcept::getVersion).containsExactly(2L);
    assertThat(state.learnedFrom("e1")).as("a superseded version's example was learned too").isTrue();
    assertThat(state.apply(concept("x", 3, "e3", 0.3f))).isEqualTo(ConceptState.Outcome.APPLIED);
    assertThat(state.model().code("x")).containsOnly(0.3f);
  }

  @Test
  @DisplayName("a learned code replaces the base model's code of the same label")
  void replacesBaseLabel() {
    state.apply(concept("a", 1, "e1", 0.7f));
    assertThat(state.model().concepts().size()).isEqualTo(3);
    assertThat(state.model().code("a")).containsOnly(0.7f);
  }

  @Test
  @DisplayName("codes of another model, of another hidden size, non-finite, unlabelled or version 0 are invalid")
  void invalid() {
    assertThat(state.validate(concept("x", 1, "e", 0).toBuilder().setModelId("other").build()))
        .isEqualTo("model_id 'other' of 'x' is not the base model 'base-1'");
    assertThat(state.validate(concept("x", 1, "e", 0).toBuilder().addCode(1).build()))
        .isEqualTo("code of 'x' has 9 values; the base model's hidden size is 8");
    assertThat(state.validate(concept("x", 1, "e", 0).toBuilder().setCode(3, Float.NaN).build()))
        .isEqualTo("code[3] of 'x' is NaN");
    assertThat(state.validate(concept("", 1, "e", 0))).isEqualTo("label is empty");
    assertThat(state.validate(concept("x", 0, "e", 0))).isEqualTo("version of 'x' is 0; versions start at 1");
    assertThat(state.apply(concept("x", 1, "e9", 0).toBuilder().setModelId("other").build()))
        .isEqualTo(ConceptState.Outcome.INVALID);
    assertThat(state.concepts()).isEmpty();
    assertThat(state.learnedFrom("e9")).isFalse();
  }
}
