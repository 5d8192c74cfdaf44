package io.chargen.classifier;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.TrajectoryCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one query is classified against: the learned concepts at one moment, the candidate labels among them and the
 * method's classifier built from them. Immutable; rebuilt by {@link QueryProcessor} when the concepts change.
 *
 * @param concepts the latest concept per label, as read from {@code chargen.concepts}
 * @param labels the candidates: every learned label, or only those with an example for a template method
 * @param classifier the classifier over them; empty when there is no candidate (a method cannot be built on none)
 */
record Candidates(List<LearnedConcept> concepts, List<String> labels, Optional<Classifier> classifier) {
  private static final Logger LOG = LoggerFactory.getLogger(Candidates.class);

  /**
   * @param concepts the latest learned concept per label
   * @param model the base model with every learned code
   * @param method the classification method
   * @return the candidates (possibly none)
   */
  static Candidates of(List<LearnedConcept> concepts, CharModel model, ClassifierMethod method) {
    Map<String, StrokeSequence> templates = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    for (LearnedConcept concept : concepts) {
      if (ConceptSet.isStyle(concept.getLabel())) {
        continue; // a writer's hand (issue 7), not a letter a query could be
      }
      StrokeSequence template = usableTemplate(concept);
      if (template != null) {
        templates.put(concept.getLabel(), template);
      }
      if (!method.needsTemplates() || template != null) {
        labels.add(concept.getLabel());
      }
    }
    // Checked before the method is built: a nearest-neighbour classifier refuses to be built on no templates.
    Optional<Classifier> classifier = labels.isEmpty() ? Optional.empty()
        : Optional.of(method.create(model, templates));
    return new Candidates(List.copyOf(concepts), List.copyOf(labels), classifier);
  }

  /** @return whether there is nothing to classify into: no letter learned (for template methods, with an example) */
  boolean isEmpty() {
    return classifier.isEmpty();
  }

  /** @return the concept's example, or null if it has none or a broken one (logged: the store does not check it) */
  private static StrokeSequence usableTemplate(LearnedConcept concept) {
    if (concept.getExampleCount() == 0) {
      return null;
    }
    try {
      return template(concept);
    } catch (IllegalArgumentException e) {
      LOG.warn("concept '{}' v{} has an unusable example, no template: {}", concept.getLabel(), concept.getVersion(),
          e.getMessage());
      return null;
    }
  }

  /**
   * @param concept a learned concept with an example
   * @return its example, the transformed letter it was learned from (field 10, {@code example})
   * @throws IllegalArgumentException naming the label, step and value if a value is not finite
   */
  static StrokeSequence template(LearnedConcept concept) {
    try {
      return TrajectoryCodec.fromSteps(concept.getExampleList());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("example of concept '" + concept.getLabel() + "' v" + concept.getVersion()
          + ": " + e.getMessage(), e);
    }
  }
}
