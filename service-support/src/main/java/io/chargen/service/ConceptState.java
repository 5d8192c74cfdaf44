package io.chargen.service;

import io.chargen.model.CharModel;
import io.chargen.proto.v1.LearnedConcept;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the {@link ConceptStore} knows, without Kafka: the latest valid {@link LearnedConcept} per label (highest
 * version wins), every example id a concept was learned from, and the base model grown by all learned codes.
 * Thread-safe: the store's poll loop writes, HTTP handlers and worker threads read.
 */
public final class ConceptState {
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
  private final TreeMap<String, LearnedConcept> latest = new TreeMap<>();
  private final Set<String> sourceExamples = new HashSet<>();
  private CharModel model;

  /** @param base the model every code must belong to */
  public ConceptState(BaseModel base) {
    this.base = base;
    this.model = base.model();
  }

  /**
   * @param concept a concept read from the topic or just published
   * @return what it did
   */
  public synchronized Outcome apply(LearnedConcept concept) {
    if (validate(concept) != null) {
      return Outcome.INVALID;
    }
    sourceExamples.add(concept.getSourceExampleId());
    concept.getStyleExamplesList().forEach(e -> sourceExamples.add(e.getExampleId()));
    LearnedConcept known = latest.get(concept.getLabel());
    if (known != null && known.getVersion() >= concept.getVersion()) {
      return Outcome.STALE;
    }
    latest.put(concept.getLabel(), concept);
    model = model.withConcept(concept.getLabel(), codeOf(concept));
    return Outcome.APPLIED;
  }

  /**
   * @param concept a concept
   * @return null if it fits the base model, else the reason naming the field and value
   */
  public String validate(LearnedConcept concept) {
    if (concept.getLabel().isBlank()) {
      return "label is empty";
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

  /** @return the base model with every learned code (learned labels replace base codes of the same label) */
  public synchronized CharModel model() {
    return model;
  }

  /**
   * @param label a label
   * @return its latest version, 0 if none was learned
   */
  public synchronized long latestVersion(String label) {
    LearnedConcept known = latest.get(label);
    return known == null ? 0 : known.getVersion();
  }

  /**
   * @param exampleId a {@code Trajectory.id}
   * @return whether any concept version seen was learned from it
   */
  public synchronized boolean learnedFrom(String exampleId) {
    return sourceExamples.contains(exampleId);
  }

  /**
   * @param label a label
   * @return its latest learned concept, if any
   */
  public synchronized Optional<LearnedConcept> latest(String label) {
    return Optional.ofNullable(latest.get(label));
  }

  /** @return the latest concept of each label, by label */
  public synchronized List<LearnedConcept> concepts() {
    return List.copyOf(latest.values());
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
