package io.chargen.learner;

import io.chargen.model.ConceptSet;
import io.chargen.model.InvalidNameException;
import io.chargen.model.Names;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.ConceptState;
import io.chargen.service.ConceptStore;
import io.chargen.service.KafkaSender;
import io.chargen.service.ServiceApi;
import io.chargen.service.ServiceHttp;
import io.chargen.service.security.BearerAuth;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure (issue 12), the way to honour a deletion request: {@code DELETE /v1/erasure/concepts/{label}} forgets one of
 * the caller's tenant's concepts, {@code DELETE /v1/erasure/writers/{writer}} every concept made of a writer's
 * handwriting (their style {@code @writer} and each concept whose {@code source_writer} they are). Each is a tombstone
 * (null value) under the concept's key {@code <tenant>/<label>} on the compacted {@code chargen.concepts}: every
 * replica's {@code ConceptStore} forgets the concept as it reads it, also a replica that reads the topic from the
 * beginning after a restart, and compaction then removes the records themselves. 202 {@code {"erased": [labels]}}
 * once the broker acknowledged every tombstone; 404 when the tenant has no such concept of its own (the shared base
 * cannot be erased; the answer never lists the tenant's or anyone's labels). The admin role is the document's.
 */
final class ErasureApi {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureApi.class);
  private static final int ACCEPTED = 202;
  private static final int UNAVAILABLE = 503;
  private static final int RETRY_AFTER_SECONDS = 2;

  private final ConceptStore store;
  private final KafkaSender producer;

  ErasureApi(ConceptStore store, KafkaSender producer) {
    this.store = store;
    this.producer = producer;
  }

  /** @param api where the two operations of {@code learner.openapi.yaml} are bound */
  void bind(ServiceApi api) {
    api.operation("eraseConcept", this::eraseConcept).operation("eraseWriter", this::eraseWriter);
  }

  /**
   * @param state the concepts
   * @param tenant a tenant
   * @param writer a writer name (NFC)
   * @return the tenant's labels made of the writer's handwriting: the writer's style and every concept learned
   *     from an example of theirs
   */
  static List<String> labelsOf(ConceptState state, String tenant, String writer) {
    String style = ConceptSet.styleOf(writer);
    return state.concepts(tenant).stream()
        .filter(c -> c.getLabel().equals(style) || c.getSourceWriter().equals(writer))
        .map(LearnedConcept::getLabel).toList();
  }

  private void eraseConcept(RoutingContext ctx) {
    String tenant = BearerAuth.caller(ctx).tenant();
    String label = ctx.pathParam("label");
    if (!ready(ctx)) {
      return;
    }
    if (store.state().latest(tenant, label).isEmpty()) {
      ServiceHttp.notFound(ctx, "tenant " + tenant + " has no concept " + Names.excerpt(label) + " of its own to"
          + " erase (the base model's letters and hands are shared and cannot be erased)");
      return;
    }
    tombstone(ctx, tenant, List.of(label));
  }

  private void eraseWriter(RoutingContext ctx) {
    String tenant = BearerAuth.caller(ctx).tenant();
    String writer;
    try {
      writer = Names.writer("writer", ctx.pathParam("writer"));
    } catch (InvalidNameException e) {
      ServiceHttp.badRequest(ctx, e.getMessage());
      return;
    }
    if (!ready(ctx)) {
      return;
    }
    List<String> labels = labelsOf(store.state(), tenant, writer);
    if (labels.isEmpty()) {
      ServiceHttp.notFound(ctx, "tenant " + tenant + " has no concept learned from writer " + Names.excerpt(writer)
          + " (concepts learned before issue 12 carry no writer: erase those by label)");
      return;
    }
    tombstone(ctx, tenant, labels);
  }

  private boolean ready(RoutingContext ctx) {
    if (!store.isReady()) {
      ServiceHttp.unavailable(ctx, RETRY_AFTER_SECONDS, "the concept store is still reading chargen.concepts");
      return false;
    }
    return true;
  }

  /**
   * @return the keys a concept of the tenant may be stored under: its own, and for the default tenant also the bare
   *     label of records written before tenants (a tombstone only removes, and stays ordered after, its own key's
   *     records: those are on that key's partition)
   */
  static List<String> keys(String tenant, String label) {
    return tenant.equals(TenantKeys.DEFAULT_TENANT) ? List.of(TenantKeys.key(tenant, label), label)
        : List.of(TenantKeys.key(tenant, label));
  }

  private void tombstone(RoutingContext ctx, String tenant, List<String> labels) {
    Future.all(labels.stream().flatMap(label -> keys(tenant, label).stream()).map(key -> producer.send(
        new ProducerRecord<String, byte[]>(Topics.CONCEPTS.topic(), key, null))).toList())
        .onSuccess(v -> {
          labels.forEach(label -> store.recordErasure(tenant, label)); // this replica at once, the others on read
          LOG.info("erased {} concepts of tenant {}", labels.size(), tenant);
          ctx.response().setStatusCode(ACCEPTED).putHeader("content-type", "application/json")
              .end(new JsonObject().put("erased", new JsonArray(labels)).encode());
        })
        .onFailure(e -> {
          LOG.warn("erasure of {} concepts of tenant {} not acknowledged", labels.size(), tenant, e);
          ServiceHttp.error(ctx, UNAVAILABLE, "the tombstones were not acknowledged by Kafka (" + e.getMessage()
              + "); nothing is known to be erased: retry");
        });
  }
}
