package io.chargen.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of known concepts (letters), in input-vector order. Because the paper's input layer has no bias, a
 * concept is exactly one input column (Fabi et al. 2020, Sec. 3.1): learning a new concept appends a label here and a
 * column to {@link LstmWeights}; nothing else changes. Immutable.
 */
public final class ConceptSet {
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
   * @throws IllegalArgumentException naming the label and the known ones if it is unknown
   */
  public int indexOf(String label) {
    Integer i = index.get(label);
    if (i == null) {
      throw new IllegalArgumentException("unknown concept '" + label + "'; known: " + String.join(",", labels));
    }
    return i;
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
   * The input vector of a blend (Sec. 3.4): weights ≥0 over known concepts summing to 1.
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
    double sum = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      double w = e.getValue();
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException("weight of '" + e.getKey() + "' is " + w + "; weights must be >= 0");
      }
      x[indexOf(e.getKey())] += (float) w;
      sum += w;
    }
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException("mix weights " + weights + " sum to " + sum + ", not 1");
    }
    return x;
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
