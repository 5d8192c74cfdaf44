package io.chargen.service;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.proto.v1.LearnedConcept;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;

/**
 * {@code GET /v1/concepts}, one shape on every service that holds concepts: {@code {"model_id", …service fields,
 * "concepts": [{"label", "kind": "letter"|"style", "learned", "version", and for learned ones "source_example_id",
 * "learned_at_ms", "mse_before", "mse_after", "example_steps"}]}} — every label the model can use, base ones with
 * {@code learned: false} and version 0, as this replica sees {@code chargen.concepts}. 503 until the store caught up.
 */
public final class ConceptsApi {
  private static final int UNAVAILABLE = 503;
  private static final int RETRY_AFTER_SECONDS = 2;

  private ConceptsApi() {}

  /**
   * @param router where to add the route
   * @param store the concepts
   * @param extra service fields added at the top level, e.g. the classifier's {@code method}
   */
  public static void mount(Router router, ConceptStore store, JsonObject extra) {
    router.get("/v1/concepts").handler(ctx -> {
      if (!store.isReady()) {
        ServiceHttp.unavailable(ctx, RETRY_AFTER_SECONDS, "the concept store is still reading chargen.concepts");
        return;
      }
      ServiceHttp.json(ctx, toJson(store.state(), store.model(), extra));
    });
  }

  static JsonObject toJson(ConceptState state, CharModel model, JsonObject extra) {
    JsonArray concepts = new JsonArray();
    for (String label : model.concepts().labels()) {
      Optional<LearnedConcept> learned = state.latest(label);
      JsonObject c = new JsonObject().put("label", label)
          .put("kind", ConceptSet.isStyle(label) ? "style" : "letter")
          .put("learned", learned.isPresent())
          .put("version", learned.map(LearnedConcept::getVersion).orElse(0L));
      learned.ifPresent(l -> c.put("source_example_id", l.getSourceExampleId()).put("learned_at_ms",
          l.getLearnedAtMs()).put("mse_before", l.getMseBefore()).put("mse_after", l.getMseAfter())
          .put("example_steps", l.getExampleCount()));
      concepts.add(c);
    }
    return new JsonObject().put("model_id", state.base().id()).mergeIn(extra).put("concepts", concepts);
  }
}
