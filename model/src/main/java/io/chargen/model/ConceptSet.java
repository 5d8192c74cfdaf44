package io.chargen.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of known concepts (letters), in input-vector order. Because the paper's input layer has no bias, a
 * concept is exactly one input column (Fabi et al. 2020, Sec. 3.1): learning a new concept appends a label here and a
 * column to {@link LstmWeights}; nothing else changes.
 *
 * <p>Labels starting with {@value #STYLE_PREFIX} are writer styles (issue 7): an input column that is added to a
 * letter's, so that "letter x in writer w's hand" is the input {@code x + @w}. A blend mixes letters with weights
 * summing to 1 and, separately, styles with weights summing to 1. Immutable.
 */
public final class ConceptSet {
  /** Marks a style concept, e.g. {@code @002-f-22-right}. */
  public static final String STYLE_PREFIX = "@";
  /** The style a model learns from every writer at once, for generations that name no writer (issue 7). */
  public static final String TYPICAL_STYLE = STYLE_PREFIX + "typical";
  /** Tolerance on the sum of blend weights (Sec. 3.4: "mixture weights summing to 1"). */
  public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

  private final List<String> labels;
  private final Map<String, Integer> index;

  private ConceptSet(List<String> labels) {
    this.labels = List.copyOf(labels);
    this.index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("concept label at position " + i + " is empty");
      }
      if (index.put(label, i) != null) {
        throw new IllegalArgumentException("concept label '" + label + "' appears twice");
      }
    }
  }

  /**
   * @param labels the labels in input order
   * @return the set
   * @throws IllegalArgumentException on an empty or repeated label
   */
  public static ConceptSet of(List<String> labels) {
    return new ConceptSet(labels);
  }

  /**
   * One concept per character, e.g. {@code ofCharacters("abcdefghijklmnopqrstuvwxyz")}.
   *
   * @param characters the labels, one character each
   * @return the set
   */
  public static ConceptSet ofCharacters(String characters) {
    List<String> labels = new ArrayList<>();
    characters.codePoints().forEach(cp -> labels.add(new String(Character.toChars(cp))));
    return new ConceptSet(labels);
  }

  /** @return the number of concepts K */
  public int size() {
    return labels.size();
  }

  /** @return the labels in input order (unmodifiable) */
  public List<String> labels() {
    return Collections.unmodifiableList(labels);
  }

  /** @return whether the label is known */
  public boolean contains(String label) {
    return index.containsKey(label);
  }

  /**
   * @param label a known label
   * @return its input index
   * @throws IllegalArgumentException naming the label (an excerpt) if it is unknown
   */
  public int indexOf(String label) {
    Integer i = index.get(label);
    if (i == null) {
      // Not listing the labels: in a service they are a tenant's and the training writers' names (issue 12).
      throw new IllegalArgumentException("unknown concept " + Names.excerpt(label) + ": not one of the model's "
          + labels.size() + " concepts");
    }
    return i;
  }

  /**
   * @param label any label
   * @return whether it names a writer style rather than a letter
   */
  public static boolean isStyle(String label) {
    return label.startsWith(STYLE_PREFIX);
  }

  /**
   * @param writer a writer's name, e.g. a DigiLeTs writer id
   * @return the label of that writer's style, e.g. {@code @alice}
   */
  public static String styleOf(String writer) {
    return STYLE_PREFIX + writer;
  }

  /** @return the letter concepts in input order */
  public List<String> letters() {
    return labels.stream().filter(l -> !isStyle(l)).toList();
  }

  /** @return the style concepts in input order */
  public List<String> styles() {
    return labels.stream().filter(ConceptSet::isStyle).toList();
  }

  /**
   * @param label a label, known or new
   * @return this set if known, else a set with the label appended
   */
  public ConceptSet with(String label) {
    if (contains(label)) {
      return this;
    }
    List<String> grown = new ArrayList<>(labels);
    grown.add(label);
    return new ConceptSet(grown);
  }

  /**
   * @param label a known label
   * @return the one-hot input vector of that concept
   */
  public float[] oneHot(String label) {
    float[] x = new float[size()];
    x[indexOf(label)] = 1;
    return x;
  }

  /**
   * The input vector of a blend (Sec. 3.4): weights ≥0 over known letters summing to 1 and, if any style is named,
   * weights ≥0 over styles summing to 1.
   *
   * @param weights concept label → weight
   * @return the K-dimensional input vector
   * @throws IllegalArgumentException naming the bad label or weight
   */
  public float[] mix(Map<String, Double> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("a mix needs at least one concept");
    }
    float[] x = new float[size()];
    double letterSum = 0;
    double styleSum = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      double w = e.getValue();
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException("weight of '" + e.getKey() + "' is " + w + "; weights must be >= 0");
      }
      x[indexOf(e.getKey())] += (float) w;
      if (isStyle(e.getKey())) {
        styleSum += w;
      } else {
        letterSum += w;
      }
    }
    requireUnitSum(weights, "letter", letterSum);
    if (weights.keySet().stream().anyMatch(ConceptSet::isStyle)) {
      requireUnitSum(weights, "style", styleSum);
    }
    return x;
  }

  private static void requireUnitSum(Map<String, Double> weights, String kind, double sum) {
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException("mix weights " + weights + ": " + kind + " weights sum to " + sum
          + ", not 1");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConceptSet c && labels.equals(c.labels);
  }

  @Override
  public int hashCode() {
    return labels.hashCode();
  }

  @Override
  public String toString() {
    return "ConceptSet" + labels;
  }
}
