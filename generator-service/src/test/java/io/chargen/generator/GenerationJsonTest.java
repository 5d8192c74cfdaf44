package io.chargen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.StateRow;
import io.chargen.proto.v1.Step;
import io.chargen.service.BaseModel;
import io.chargen.service.ConceptState;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GenerationJsonTest {
  private static final ConceptSet KNOWN = ConceptSet.ofCharacters("abno");

  @Test
  @DisplayName("a full body is read field by field")
  void readsAllFields() {
    GenerationSpec spec = GenerationJson.parse(
        "{\"mix\":{\"n\":0.5,\"o\":0.5},\"variants\":3,\"noise\":0.03,\"seed\":7,\"steps\":40,\"states\":true}");
    assertThat(spec).isEqualTo(new GenerationSpec(Map.of("n", 0.5, "o", 0.5), 3, 0.03, 7, 40, true));
    assertThat(spec.validate(KNOWN)).isSameAs(spec);
  }

  @Test
  @DisplayName("missing fields take the documented defaults: 1 variant, no noise, seed 0, natural length, no states")
  void defaults() {
    assertThat(GenerationJson.parse("{\"mix\":{\"n\":1}}"))
        .isEqualTo(new GenerationSpec(Map.of("n", 1.0), 1, 0, 0, GenerationSpec.NATURAL_STEPS, false));
  }

  @Test
  @DisplayName("without steps a letter gets its example's length, else the base model's, a blend the weighted mean, "
      + "styles none")
  void naturalLength() {
    CharModel base = TinyModels.untrained("abcn", 4, 1).withNaturalLength("b", 12);
    ConceptState state = new ConceptState(new BaseModel(base, "m"));
    state.apply(LearnedConcept.newBuilder().setSchemaVersion(1).setLabel("n").setModelId("m")
        .setVersion(1).addAllCode(List.of(0f, 0f, 0f, 0f)).setSourceExampleId("e")
        .addAllExample(Collections.nCopies(20, Step.getDefaultInstance())).build());
    assertThat(fill("{\"mix\":{\"n\":1}}", state, base)).isEqualTo(20);
    assertThat(fill("{\"mix\":{\"n\":0.5,\"a\":0.5}}", state, base)).as("a has no length: the default 40")
        .isEqualTo(30);
    assertThat(fill("{\"mix\":{\"b\":1}}", state, base)).as("the base model's natural length").isEqualTo(12);
    assertThat(fill("{\"mix\":{\"b\":1,\"@w\":1}}", state, base)).as("a style adds no steps").isEqualTo(12);
    assertThat(fill("{\"mix\":{\"n\":1},\"steps\":7}", state, base)).as("an explicit step count wins")
        .isEqualTo(7);
  }

  private static int fill(String json, ConceptState state, CharModel model) {
    return NaturalLength.fill(GenerationJson.parse(json), state, TenantKeys.DEFAULT_TENANT, model).steps();
  }

  @Test
  @DisplayName("a seed beyond 2^53 stays exact")
  void longSeed() {
    assertThat(GenerationJson.parse("{\"mix\":{\"n\":1},\"seed\":9007199254740993}").seed())
        .isEqualTo(9_007_199_254_740_993L);
  }

  @Test
  @DisplayName("each malformed body is rejected naming the field and the value")
  void rejectsMalformedBodies() {
    assertRejected("not json", "body is not a JSON object: not json");
    assertRejected("", "body is not a JSON object");
    assertRejected("[1,2]", "body is not a JSON object");
    assertRejected("{}", "mix is null");
    assertRejected("{\"mix\":[\"n\"]}", "mix is [\"n\"]");
    assertRejected("{\"mix\":{\"n\":\"half\"}}", "mix.n is half");
    assertRejected("{\"mix\":{\"n\":1},\"variants\":2.5}", "variants is 2.5");
    assertRejected("{\"mix\":{\"n\":1},\"steps\":\"x\"}", "steps is x");
    assertRejected("{\"mix\":{\"n\":1},\"steps\":1e12}", "steps is 1.0E12");
    assertRejected("{\"mix\":{\"n\":1},\"noise\":\"low\"}", "noise is low");
    assertRejected("{\"mix\":{\"n\":1},\"states\":\"yes\"}", "states is yes");
  }

  @Test
  @DisplayName("each out-of-range or unknown value is rejected against the concept set, naming the value")
  void rejectsInvalidSpecs() {
    assertInvalid("{\"mix\":{\"z\":1}}", "concept \"z\"");
    assertInvalid("{\"mix\":{\"n\":0.5,\"o\":0.6}}", "sum to 1.1");
    assertInvalid("{\"mix\":{\"n\":1.5,\"o\":-0.5}}", "-0.5");
    assertInvalid("{\"mix\":{}}", "mix is empty");
    assertInvalid("{\"mix\":{\"n\":1},\"variants\":0}", "variants is 0");
    assertInvalid("{\"mix\":{\"n\":1},\"variants\":51}", "variants is 51");
    assertInvalid("{\"mix\":{\"n\":1},\"steps\":0}", "steps is 0");
    assertInvalid("{\"mix\":{\"n\":1},\"steps\":2001}", "steps is 2001");
    assertInvalid("{\"mix\":{\"n\":1},\"noise\":-0.01}", "noise is -0.01");
  }

  @Test
  @DisplayName("a trajectory is written as points of [dx, dy, pressure, stroke] with its states and stream fields")
  void writesTrajectories() {
    GeneratedTrajectory t = GeneratedTrajectory.newBuilder().setRequestId("r").setVariant(1).setSeed(8)
        .putMix("n", 1.0).setNoise(0.02)
        .addSteps(Step.newBuilder().setDx(0.5f).setDy(-0.25f).setPressure(1).setStroke(0))
        .addCell(StateRow.newBuilder().addValues(0.125f)).addHidden(StateRow.newBuilder().addValues(-0.5f))
        .build();
    JsonObject event = GenerationJson.trajectoryEvent(t);
    assertThat(event.getString("type")).isEqualTo("trajectory");
    assertThat(event.getString("id")).isEqualTo("r");
    assertThat(event.getInteger("variant")).isEqualTo(1);
    assertThat(event.getLong("seed")).isEqualTo(8);
    assertThat(event.getJsonObject("mix").getDouble("n")).isEqualTo(1.0);
    assertThat(event.getJsonArray("points").encode()).isEqualTo("[[0.5,-0.25,1.0,0.0]]");
    assertThat(event.getJsonArray("cell").encode()).isEqualTo("[[0.125]]");
    assertThat(event.getJsonArray("hidden").encode()).isEqualTo("[[-0.5]]");
    assertThat(GenerationJson.trajectory(t.toBuilder().clearCell().clearHidden().build()).containsKey("cell"))
        .isFalse();
  }

  private static void assertRejected(String body, String named) {
    assertThatThrownBy(() -> GenerationJson.parse(body)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  private static void assertInvalid(String body, String named) {
    assertThatThrownBy(() -> GenerationJson.parse(body).validate(KNOWN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }
}
