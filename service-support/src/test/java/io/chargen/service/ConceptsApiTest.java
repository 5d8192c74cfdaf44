package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.proto.TenantKeys;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConceptsApiTest {
  private static final int HIDDEN = 8;

  @Test
  @DisplayName("trained marks the base model's letters with a natural length and its own hands, not learned ones")
  void trainedIsTheBaseModels() {
    CharModel model = CharModel.untrained(ConceptSet.of(List.of("a", "b", "@w1")), HIDDEN, 1)
        .withNaturalLength("a", 40);
    ConceptState state = new ConceptState(new BaseModel(model, "base-1"));
    state.apply(ConceptStateTest.concept("n", 1, "e1", 0.5f));
    state.apply(ConceptStateTest.concept("@alice", 1, "e2", 0.5f));

    JsonObject json = ConceptsApi.toJson(state, TenantKeys.DEFAULT_TENANT, new JsonObject().put("method", "best"));

    Map<String, JsonObject> byLabel = json.getJsonArray("concepts").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(c -> c.getString("label"), Function.identity()));
    assertThat(json.getString("model_id")).isEqualTo("base-1");
    assertThat(json.getString("method")).isEqualTo("best");
    assertThat(byLabel).containsOnlyKeys("a", "b", "@w1", "n", "@alice");
    assertThat(byLabel.get("a").getBoolean("trained")).isTrue();
    assertThat(byLabel.get("b").getBoolean("trained")).as("no natural length: not among the training letters")
        .isFalse();
    assertThat(byLabel.get("@w1").getBoolean("trained")).isTrue();
    assertThat(byLabel.get("n").getBoolean("trained")).isFalse();
    assertThat(byLabel.get("n").getBoolean("learned")).isTrue();
    assertThat(byLabel.get("n").getLong("version")).isEqualTo(1);
    assertThat(byLabel.get("@alice").getBoolean("trained")).isFalse();
    assertThat(byLabel.get("@alice").getString("kind")).isEqualTo("style");
    assertThat(byLabel.get("a").getBoolean("learned")).isFalse();
  }
}
