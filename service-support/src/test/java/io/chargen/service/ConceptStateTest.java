package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.fixtures.TinyModels;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.LearnedConcept;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConceptStateTest {
  private static final int HIDDEN = 8;
  private final BaseModel base = new BaseModel(TinyModels.untrained("abc", HIDDEN, 1), "base-1");
  private final ConceptState state = new ConceptState(base);
  /** The tenant of concepts without a tenant field (written before tenants). */
  private static final String D = TenantKeys.DEFAULT_TENANT;

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
    assertThat(state.model(D).concepts().labels()).containsExactly("a", "b", "c", "x");
    assertThat(state.model(D).code("x")).containsOnly(0.5f);
    assertThat(state.latestVersion(D, "x")).isEqualTo(1);
    assertThat(state.latestVersion(D, "y")).isZero();
    assertThat(state.learnedFrom("e1")).isTrue();
  }

  @Test
  @DisplayName("the highest version wins, whatever the order the versions arrive in")
  void highestVersionWins() {
    state.apply(concept("x", 2, "e2", 0.2f));
    assertThat(state.apply(concept("x", 1, "e1", 0.1f))).isEqualTo(ConceptState.Outcome.STALE);
    assertThat(state.apply(concept("x", 2, "e2", 0.2f))).isEqualTo(ConceptState.Outcome.STALE);
    assertThat(state.model(D).code("x")).containsOnly(0.2f);
    assertThat(state.concepts(D)).extracting(LearnedConcept::getVersion).containsExactly(2L);
    assertThat(state.learnedFrom("e1")).as("a superseded version's example was learned too").isTrue();
    assertThat(state.apply(concept("x", 3, "e3", 0.3f))).isEqualTo(ConceptState.Outcome.APPLIED);
    assertThat(state.model(D).code("x")).containsOnly(0.3f);
  }

  @Test
  @DisplayName("a learned code replaces the base model's code of the same label")
  void replacesBaseLabel() {
    state.apply(concept("a", 1, "e1", 0.7f));
    assertThat(state.model(D).concepts().size()).isEqualTo(3);
    assertThat(state.model(D).code("a")).containsOnly(0.7f);
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
    assertThat(state.concepts(D)).isEmpty();
    assertThat(state.learnedFrom("e9")).isFalse();
  }

  static LearnedConcept concept(String tenant, String label, long version, String source, float fill) {
    return concept(label, version, source, fill).toBuilder().setTenant(tenant).build();
  }

  @Test
  @DisplayName("a tenant's label shadows the base and is seen by that tenant only; others keep the base's")
  void tenantsAreIsolated() {
    state.apply(concept("school-a", "a", 1, "e1", 0.7f));
    state.apply(concept("school-a", "n", 1, "e2", 0.1f));
    state.apply(concept("school-b", "n", 1, "e3", 0.2f));
    assertThat(state.model("school-a").code("a")).containsOnly(0.7f);
    assertThat(state.model("school-b").code("a")).as("the base's a, not school-a's")
        .isEqualTo(base.model().code("a"));
    assertThat(state.model("school-a").code("n")).containsOnly(0.1f);
    assertThat(state.model("school-b").code("n")).containsOnly(0.2f);
    assertThat(state.model("school-c").concepts().labels()).containsExactly("a", "b", "c");
    assertThat(state.concepts("school-b")).extracting(LearnedConcept::getLabel).containsExactly("n");
    assertThat(state.latestVersion("school-b", "a")).isZero();
    assertThat(state.latest("school-c", "n")).isEmpty();
    assertThat(state.size()).isEqualTo(3);
  }

  @Test
  @DisplayName("erasing a tenant's concept shows the base again for it, leaves other tenants alone, restarts versions")
  void erase() {
    state.apply(concept("school-a", "a", 1, "e1", 0.7f));
    state.apply(concept("school-b", "a", 2, "e2", 0.2f));
    assertThat(state.erase("school-a", "a")).map(LearnedConcept::getVersion).contains(1L);
    assertThat(state.model("school-a").code("a")).isEqualTo(base.model().code("a"));
    assertThat(state.model("school-b").code("a")).containsOnly(0.2f);
    assertThat(state.latestVersion("school-a", "a")).isZero();
    assertThat(state.erase("school-a", "a")).as("nothing left to erase").isEmpty();
    assertThat(state.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("a concept naming a tenant that is not a tenant id is invalid")
  void invalidTenant() {
    assertThat(state.apply(concept("Not A Tenant", "x", 1, "e", 0.1f))).isEqualTo(ConceptState.Outcome.INVALID);
    assertThat(state.size()).isZero();
  }
}
