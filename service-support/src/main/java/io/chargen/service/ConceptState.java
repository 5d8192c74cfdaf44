package io.chargen.service;

import io.chargen.model.CharModel;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.tenant.TenantConcepts;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link ConceptStore} knows, without Kafka: per tenant the latest valid {@link LearnedConcept} of each
 * label (highest version wins; an erasure forgets it), every example id a concept was learned from, and for each
 * tenant the base model grown by that tenant's codes only (issue 12: a tenant's {@code n} or {@code @typical}
 * shadows the base for that tenant, never for another; {@link TenantConcepts}). Thread-safe: the store's poll loop
 * writes, HTTP handlers and worker threads read. Tenants' models are built on first use and kept for the
 * {@value #CACHED_MODELS} tenants used last (a model is the base's input columns plus the tenant's, ~30 KB).
 */
public final class ConceptState {
  /** Tenants whose grown model is kept built: a class of tablets per tenant, far more tenants than replicas. */
  static final int CACHED_MODELS = 256;

  /** What applying a concept did. */
  public enum Outcome {
    /** A new label or a higher version: the state changed. */
    APPLIED,
    /** A version not above the known one (a replay, or a concept this process recorded itself). */
    STALE,
    /** Not usable with the base model; see {@link #validate}. */
    INVALID
  }

  private final BaseModel base;
  private final TenantConcepts<LearnedConcept> concepts;
  private final Set<String> sourceExamples = new HashSet<>();
  private final Map<String, CharModel> models = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CharModel> eldest) {
      return size() > CACHED_MODELS;
    }
  };
  private int count;

  /** @param base the model every code must belong to */
  public ConceptState(BaseModel base) {
    this.base = base;
    this.concepts = new TenantConcepts<>(base.model().concepts().labels());
  }

  /**
   * @param concept a concept read from the topic or just published; its {@code tenant} field names whose it is
   * @return what it did
   */
  public synchronized Outcome apply(LearnedConcept concept) {
    if (validate(concept) != null) {
      return Outcome.INVALID;
    }
    String tenant = TenantKeys.tenantOf(concept.getTenant());
    sourceExamples.add(concept.getSourceExampleId());
    concept.getStyleExamplesList().forEach(e -> sourceExamples.add(e.getExampleId()));
    Optional<LearnedConcept> known = latest(tenant, concept.getLabel());
    if (known.isPresent() && known.get().getVersion() >= concept.getVersion()) {
      return Outcome.STALE;
    }
    concepts.put(tenant, concept.getLabel(), concept);
    count += known.isPresent() ? 0 : 1;
    models.remove(tenant);
    return Outcome.APPLIED;
  }

  /**
   * Erasure (a tombstone on {@code chargen.concepts}): forgets the tenant's concept, so the base label, if any, shows
   * again for that tenant; its next example of the label starts again at version 1.
   *
   * @param tenant the tenant
   * @param label the label
   * @return the concept forgotten, if the tenant had one
   */
  public synchronized Optional<LearnedConcept> erase(String tenant, String label) {
    Optional<LearnedConcept> removed = concepts.remove(tenant, label);
    if (removed.isPresent()) {
      count--;
      models.remove(tenant);
    }
    return removed;
  }

  /**
   * @param concept a concept
   * @return null if it fits the base model, else the reason naming the field and value
   */
  public String validate(LearnedConcept concept) {
    if (concept.getLabel().isBlank()) {
      return "label is empty";
    }
    try {
      TenantKeys.tenantOf(concept.getTenant());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (concept.getVersion() < 1) {
      return "version of '" + concept.getLabel() + "' is " + concept.getVersion() + "; versions start at 1";
    }
    if (!base.id().equals(concept.getModelId())) {
      return "model_id '" + concept.getModelId() + "' of '" + concept.getLabel() + "' is not the base model '"
          + base.id() + "'";
    }
    if (concept.getCodeCount() != base.hidden()) {
      return "code of '" + concept.getLabel() + "' has " + concept.getCodeCount() + " values; the base model's "
          + "hidden size is " + base.hidden();
    }
    for (int i = 0; i < concept.getCodeCount(); i++) {
      if (!Float.isFinite(concept.getCode(i))) {
        return "code[" + i + "] of '" + concept.getLabel() + "' is " + concept.getCode(i);
      }
    }
    return null;
  }

  /**
   * @param tenant a tenant id
   * @return the base model with the tenant's learned codes (its labels replace base codes of the same label, its new
   *     labels follow the base's in label order); no other tenant's
   */
  public synchronized CharModel model(String tenant) {
    return models.computeIfAbsent(tenant, t -> {
      CharModel grown = base.model();
      for (LearnedConcept c : concepts.own(t).values()) {
        grown = grown.withConcept(c.getLabel(), codeOf(c));
      }
      return grown;
    });
  }

  /**
   * @param tenant a tenant id
   * @param label a label
   * @return the tenant's latest version of it, 0 if it learned none
   */
  public synchronized long latestVersion(String tenant, String label) {
    return latest(tenant, label).map(LearnedConcept::getVersion).orElse(0L);
  }

  /**
   * @param exampleId a {@code Trajectory.id}
   * @return whether any concept version seen was learned from it
   */
  public synchronized boolean learnedFrom(String exampleId) {
    return sourceExamples.contains(exampleId);
  }

  /**
   * @param tenant a tenant id
   * @param label a label
   * @return the tenant's latest learned concept of it, if any (never the base's, never another tenant's)
   */
  public synchronized Optional<LearnedConcept> latest(String tenant, String label) {
    return concepts.resolve(tenant, label).filter(r -> r instanceof TenantConcepts.Resolved.Own<LearnedConcept>)
        .map(r -> ((TenantConcepts.Resolved.Own<LearnedConcept>) r).value());
  }

  /**
   * @param tenant a tenant id
   * @return the tenant's latest concept of each label it learned, by label
   */
  public synchronized List<LearnedConcept> concepts(String tenant) {
    return List.copyOf(concepts.own(tenant).values());
  }

  /** @return how many concepts all tenants hold */
  public synchronized int size() {
    return count;
  }

  /** @return the base model */
  public BaseModel base() {
    return base;
  }

  private static float[] codeOf(LearnedConcept concept) {
    float[] code = new float[concept.getCodeCount()];
    for (int i = 0; i < code.length; i++) {
      code[i] = concept.getCode(i);
    }
    return code;
  }
}
