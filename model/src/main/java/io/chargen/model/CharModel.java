package io.chargen.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A trained network with its concept labels and training metadata: what model files hold and what every algorithm
 * takes. Immutable; learning a concept returns a new model.
 *
 * @param concepts the labels, in input order
 * @param weights the network; {@code weights.concepts() == concepts.size()}
 * @param metadata free-form training facts (data, epochs, seed, loss), kept in model files
 */
public record CharModel(ConceptSet concepts, LstmWeights weights, Map<String, String> metadata) {
  /** Metadata key prefix of a concept's natural length in steps, learned from its examples (issue 7). */
  public static final String LENGTH_KEY_PREFIX = "length.";
  /** Metadata key of the letters the network was trained on, e.g. {@code a-m} ({@link LetterSpec}). */
  public static final String TRAINING_LETTERS_KEY = "training_letters";
  /** Metadata key of the style used when a generation names none (issue 7); absent in letter-only models. */
  public static final String DEFAULT_STYLE_KEY = "default_style";

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
   * @param label a concept
   * @param steps its natural length: the mean length of the examples it was learned from
   * @return the model with that length recorded
   */
  public CharModel withNaturalLength(String label, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("natural length of '" + label + "' must be >= 1, got " + steps);
    }
    return withMetadata(Map.of(LENGTH_KEY_PREFIX + label, Integer.toString(steps)));
  }

  /**
   * @param label a concept
   * @return its natural length in steps, if the model knows it (trained letters and one-shot letters do)
   */
  public OptionalInt naturalLength(String label) {
    String length = metadata.get(LENGTH_KEY_PREFIX + label);
    return length == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(length));
  }

  /**
   * A letter ends when it is finished (issue 7): the natural length of a blend is its letters' natural lengths
   * mixed by their weights.
   *
   * @param mix letter (and style) weights as for {@link ConceptSet#mix}
   * @return the number of steps to generate
   * @throws IllegalArgumentException naming a letter whose length the model does not know
   */
  public int naturalLength(Map<String, Double> mix) {
    double steps = 0;
    for (Map.Entry<String, Double> e : mix.entrySet()) {
      if (ConceptSet.isStyle(e.getKey())) {
        continue;
      }
      int length = naturalLength(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "the model does not know the natural length of '" + e.getKey() + "'; give a step count"));
      steps += e.getValue() * length;
    }
    return (int) Math.max(1, Math.round(steps));
  }

  /**
   * The letters whose codes the network was trained with, as opposed to letters learned one-shot later (issue 13: their
   * codes are the region one-shot codes should stay in).
   *
   * @return the known letters the metadata names as training letters; none when it names none (an imported or
   *     untrained model)
   */
  public List<String> trainedLetters() {
    String spec = metadata.get(TRAINING_LETTERS_KEY);
    if (spec == null) {
      return List.of();
    }
    return LetterSpec.parse(spec).stream().map(String::valueOf).filter(concepts::contains).toList();
  }

  /**
   * @return the default style's code, which a generation naming no style adds to its letters' codes; zeros in a
   *     letter-only model
   */
  public float[] defaultStyleCode() {
    String style = metadata.get(DEFAULT_STYLE_KEY);
    return style == null ? new float[weights.hidden()] : code(style);
  }

  /**
   * The input vector of a blend; a model with styles writes in its default style unless the mix names one.
   *
   * @param mix letter (and style) weights as for {@link ConceptSet#mix}
   * @return the K-dimensional input vector
   */
  public float[] input(Map<String, Double> mix) {
    String style = metadata.get(DEFAULT_STYLE_KEY);
    if (style == null || mix.keySet().stream().anyMatch(ConceptSet::isStyle)) {
      return concepts.mix(mix);
    }
    Map<String, Double> styled = new LinkedHashMap<>(mix);
    styled.put(style, 1.0);
    return concepts.mix(styled);
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
