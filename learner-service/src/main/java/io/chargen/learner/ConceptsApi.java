package io.chargen.learner;

import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.ConceptStore;
import io.chargen.service.ServiceHttp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /v1/concepts}: the latest learned concept of every label as this replica sees it in
 * {@code chargen.concepts} — label, version, MSE before and after learning, source example id.
 */
final class ConceptsApi {
  private ConceptsApi() {}

  static void mount(Router router, ConceptStore store) {
    router.get("/v1/concepts").handler(ctx -> {
      if (!store.isReady()) {
        ServiceHttp.error(ctx, 503, "the concept store is still reading chargen.concepts");
        return;
      }
      JsonArray concepts = new JsonArray();
      for (LearnedConcept c : store.state().concepts()) {
        concepts.add(new JsonObject()
            .put("label", c.getLabel())
            .put("version", c.getVersion())
            .put("mse_before", c.getMseBefore())
            .put("mse_after", c.getMseAfter())
            .put("source_example_id", c.getSourceExampleId())
            .put("learned_at_ms", c.getLearnedAtMs()));
      }
      ServiceHttp.json(ctx, new JsonObject()
          .put("model_id", store.state().base().id())
          .put("concepts", concepts));
    });
  }
}
