package io.chargen.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.fixtures.TinyModels;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.BaseModel;
import io.chargen.service.ConceptState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErasureApiTest {
  private static final int HIDDEN = 8;

  private static LearnedConcept concept(String tenant, String label, String writer) {
    LearnedConcept.Builder b = LearnedConcept.newBuilder().setSchemaVersion(SchemaVersions.CURRENT).setTenant(tenant)
        .setLabel(label).setVersion(1).setSourceExampleId(tenant + label).setSourceWriter(writer)
        .setModelId("base-1");
    for (int i = 0; i < HIDDEN; i++) {
      b.addCode(0.1f);
    }
    return b.build();
  }

  @Test
  @DisplayName("a writer's erasure takes their hand and the letters learned from them, in their tenant only")
  void writersConcepts() {
    ConceptState state = new ConceptState(new BaseModel(TinyModels.untrained("abc", HIDDEN, 1), "base-1"));
    state.apply(concept("school-a", "@zoe", "zoe"));
    state.apply(concept("school-a", "x", "zoe"));
    state.apply(concept("school-a", "y", "ann"));
    state.apply(concept("school-a", "z", ""));
    state.apply(concept("school-b", "x", "zoe"));
    assertThat(ErasureApi.labelsOf(state, "school-a", "zoe")).containsExactlyInAnyOrder("@zoe", "x");
    assertThat(ErasureApi.labelsOf(state, "school-a", "bob")).isEmpty();
    assertThat(ErasureApi.labelsOf(state, "school-c", "zoe")).isEmpty();
  }

  @Test
  @DisplayName("the default tenant's tombstones also cover records keyed by the bare label, written before tenants")
  void legacyKeys() {
    assertThat(ErasureApi.keys("school-a", "n")).containsExactly("school-a/n");
    assertThat(ErasureApi.keys("default", "n")).containsExactly("default/n", "n");
  }
}
