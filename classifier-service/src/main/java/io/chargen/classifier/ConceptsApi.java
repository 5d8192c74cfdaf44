package io.chargen.classifier;

import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.ConceptStore;
import io.chargen.service.ServiceHttp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /v1/concepts}: the learned concepts this replica classifies into, as it sees {@code chargen.concepts}
 * — label, version, source example id, learning time and the length of the example (the template of
 * {@code dtw_1nn}; 0 means the concept is no candidate for template methods).
 */
final class ConceptsApi {
  private static final int UNAVAILABLE = 503;

  private ConceptsApi() {}

  static void mount(Router router, ConceptStore store, String method) {
    router.get("/v1/concepts").handler(ctx -> {
      if (!store.isReady()) {
        ServiceHttp.error(ctx, UNAVAILABLE, "the concept store is still reading chargen.concepts");
        return;
      }
      JsonArray concepts = new JsonArray();
      for (LearnedConcept c : store.state().concepts()) {
        concepts.add(new JsonObject()
            .put("label", c.getLabel())
            .put("version", c.getVersion())
            .put("source_example_id", c.getSourceExampleId())
            .put("learned_at_ms", c.getLearnedAtMs())
            .put("example_steps", c.getExampleCount()));
      }
      ServiceHttp.json(ctx, new JsonObject()
          .put("model_id", store.state().base().id())
          .put("method", method)
          .put("concepts", concepts));
    });
  }
}
