package io.chargen.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained network with its concept labels and training metadata: what model files hold and what every algorithm
 * takes. Immutable; learning a concept returns a new model.
 *
 * @param concepts the labels, in input order
 * @param weights the network; {@code weights.concepts() == concepts.size()}
 * @param metadata free-form training facts (data, epochs, seed, loss), kept in model files
 */
public record CharModel(ConceptSet concepts, LstmWeights weights, Map<String, String> metadata) {

  /** Validates that there is one input column per concept and freezes the metadata. */
  public CharModel {
    if (concepts.size() != weights.concepts()) {
      throw new IllegalArgumentException(
          concepts.size() + " concept labels but " + weights.concepts() + " input columns");
    }
    metadata = Map.copyOf(metadata);
  }

  /**
   * An untrained model of the paper's shape, seeded.
   *
   * @param concepts the labels
   * @param hidden hidden size (the paper: {@link LstmWeights#PAPER_HIDDEN})
   * @param seed random seed
   * @return the model
   */
  public static CharModel untrained(ConceptSet concepts, int hidden, long seed) {
    return new CharModel(concepts, LstmWeights.random(concepts.size(), hidden, seed),
        Map.of("trained", "false", "seed", Long.toString(seed)));
  }

  /**
   * @param label a known label
   * @return a copy of that concept's code (its input column)
   */
  public float[] code(String label) {
    return weights.code(concepts.indexOf(label)).clone();
  }

  /**
   * Adds a concept or replaces its code; the LSTM and output weights stay as they are (Sec. 3.1).
   *
   * @param label the concept
   * @param code its H-dimensional input column
   * @return the new model
   */
  public CharModel withConcept(String label, float[] code) {
    ConceptSet grown = concepts.with(label);
    float[][] codes = new float[grown.size()][];
    for (int k = 0; k < weights.concepts(); k++) {
      codes[k] = weights.code(k);
    }
    codes[grown.indexOf(label)] = code;
    return new CharModel(grown, weights.withCodes(codes), metadata);
  }

  /**
   * @param extra metadata entries to add or replace
   * @return the model with merged metadata
   */
  public CharModel withMetadata(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(metadata);
    merged.putAll(extra);
    return new CharModel(concepts, weights, merged);
  }
}
