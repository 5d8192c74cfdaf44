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
 * "concepts": [{"label", "kind": "letter"|"style", "learned", "trained", "version", and for learned ones
 * "source_example_id", "learned_at_ms", "mse_before", "mse_after", "example_steps"}]}} — every label the model can
 * use, base ones with {@code learned: false} and version 0, as this replica sees {@code chargen.concepts}.
 * {@code trained} says the base model was trained on it (a letter with a natural length, a training writer's hand):
 * the pad tells a writer before Teach whether a letter teaches their hand. 503 until the store caught up.
 */
public final class ConceptsApi {
  private static final int UNAVAILABLE = 503;
  private static final int RETRY_AFTER_SECONDS = 2;

  /** Which pages' scripts may read the answer. */
  public enum Readers {
    /** Same-origin pages only (no CORS header; {@code OriginGuard} decides as for any route). */
    SAME_ORIGIN,
    /**
     * Any origin ({@code Access-Control-Allow-Origin: *}): the generator's list is read by the capture pad, served
     * from capture-service's origin (issue 16). The list holds no secret; a token is still required once issue 12
     * phase 2 wires authentication, and an {@code OriginGuard} mounted before this route must let the pad's
     * origin through (same host behind the Ingress; listed in {@code CHARGEN_ALLOWED_ORIGINS} otherwise).
     */
    ANY_ORIGIN
  }

  private ConceptsApi() {}

  /**
   * @param router where to add the route
   * @param store the concepts
   * @param extra service fields added at the top level, e.g. the classifier's {@code method}
   * @param readers who may read the answer cross-origin
   */
  public static void mount(Router router, ConceptStore store, JsonObject extra, Readers readers) {
    router.get("/v1/concepts").handler(ctx -> {
      if (readers == Readers.ANY_ORIGIN) {
        ctx.response().putHeader("access-control-allow-origin", "*");
      }
      if (!store.isReady()) {
        ServiceHttp.unavailable(ctx, RETRY_AFTER_SECONDS, "the concept store is still reading chargen.concepts");
        return;
      }
      ServiceHttp.json(ctx, toJson(store.state(), store.model(), extra));
    });
  }

  static JsonObject toJson(ConceptState state, CharModel model, JsonObject extra) {
    CharModel base = state.base().model();
    JsonArray concepts = new JsonArray();
    for (String label : model.concepts().labels()) {
      Optional<LearnedConcept> learned = state.latest(label);
      boolean style = ConceptSet.isStyle(label);
      JsonObject c = new JsonObject().put("label", label)
          .put("kind", style ? "style" : "letter")
          .put("learned", learned.isPresent())
          .put("trained", style ? base.concepts().labels().contains(label) : base.naturalLength(label).isPresent())
          .put("version", learned.map(LearnedConcept::getVersion).orElse(0L));
      learned.ifPresent(l -> c.put("source_example_id", l.getSourceExampleId()).put("learned_at_ms",
          l.getLearnedAtMs()).put("mse_before", l.getMseBefore()).put("mse_after", l.getMseAfter())
          .put("example_steps", l.getExampleCount()));
      concepts.add(c);
    }
    return new JsonObject().put("model_id", state.base().id()).mergeIn(extra).put("concepts", concepts);
  }
}
