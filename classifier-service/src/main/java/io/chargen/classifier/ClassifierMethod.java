package io.chargen.classifier;

import io.chargen.model.CharModel;
import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import java.util.Map;

/**
 * One selectable classification method ({@code CHARGEN_CLASSIFIER}): its name and how to build a {@link Classifier}
 * from what this replica knows — the base model grown by every learned code, and the learned examples (one template
 * per label, from {@code LearnedConcept.example}). Built again whenever the learned concepts change.
 *
 * @param name the value of {@code CHARGEN_CLASSIFIER}, also the {@code method} of results and metrics
 * @param needsTemplates whether a label counts as a candidate only when its concept carries an example
 * @param factory builds the classifier
 */
public record ClassifierMethod(String name, boolean needsTemplates, Factory factory) {

  /** Builds a classifier from the current knowledge. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param model the base model with every learned code
     * @param templates label → the transformed example its concept was learned from (labels with one only)
     * @return a thread-safe classifier
     */
    Classifier create(CharModel model, Map<String, StrokeSequence> templates);
  }

  /**
   * @param model the base model with every learned code
   * @param templates label → its learned example
   * @return the classifier
   */
  public Classifier create(CharModel model, Map<String, StrokeSequence> templates) {
    return factory.create(model, templates);
  }

  /** @return the name: the factory is a lambda with nothing to show */
  @Override
  public String toString() {
    return name;
  }
}
