package io.chargen.service;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.security.BearerAuth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * {@code GET /v1/concepts}, one shape on every service that holds concepts: {@code {"model_id", "tenant", …service
 * fields, "concepts": [{"label", "kind": "letter"|"style", "learned", "trained", "version", and for learned ones
 * "source_example_id", "learned_at_ms", "mse_before", "mse_after", "example_steps"}]}} — every label the caller's
 * tenant can use: the shared base's with {@code learned: false} and version 0 unless the tenant shadows them, and the
 * tenant's own (issue 12; never another tenant's), as this replica sees {@code chargen.concepts}. {@code trained}
 * says the base model was trained on it (a letter with a natural length, a training writer's hand): the pad tells a
 * writer before Teach whether a letter teaches their hand. 503 until the store caught up. Who may read it and from
 * which pages is the OpenAPI document's and the Origin allow-list's business, as for any operation.
 */
public final class ConceptsApi {
  private static final int RETRY_AFTER_SECONDS = 2;

  private ConceptsApi() {}

  /**
   * @param api where to bind the operation
   * @param operationId the service's {@code GET /v1/concepts} operation
   * @param store the concepts
   * @param extra service fields added at the top level, e.g. the classifier's {@code method}
   */
  public static void bind(ServiceApi api, String operationId, ConceptStore store, JsonObject extra) {
    api.operation(operationId, ctx -> {
      if (!store.isReady()) {
        ServiceHttp.unavailable(ctx, RETRY_AFTER_SECONDS, "the concept store is still reading chargen.concepts");
        return;
      }
      String tenant = BearerAuth.caller(ctx).tenant();
      ServiceHttp.json(ctx, toJson(store.state(), tenant, extra));
    });
  }

  static JsonObject toJson(ConceptState state, String tenant, JsonObject extra) {
    CharModel base = state.base().model();
    JsonArray concepts = new JsonArray();
    for (String label : state.model(tenant).concepts().labels()) {
      Optional<LearnedConcept> learned = state.latest(tenant, label);
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
    return new JsonObject().put("model_id", state.base().id()).put("tenant", tenant).mergeIn(extra)
        .put("concepts", concepts);
  }
}
