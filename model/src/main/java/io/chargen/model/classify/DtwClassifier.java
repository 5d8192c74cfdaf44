package io.chargen.model.classify;

import io.chargen.model.Classification;
import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline from the data README: dynamic time warping 1-nearest-neighbour on pen positions with an L1 point
 * cost, against one template per concept. Scores are negated distances (higher is closer).
 */
public final class DtwClassifier implements Classifier {
  private final Map<String, StrokeSequence> templates;

  /** @param templates label → its single example */
  public DtwClassifier(Map<String, StrokeSequence> templates) {
    this.templates = Map.copyOf(templates);
  }

  @Override
  public String name() {
    return "dtw_1nn";
  }

  @Override
  public Classification classify(StrokeSequence query, List<String> candidates) {
    Map<String, List<StrokeSequence>> chosen = new LinkedHashMap<>();
    for (String label : candidates) {
      StrokeSequence t = templates.get(label);
      if (t == null) {
        throw new IllegalArgumentException("no template for concept '" + label + "'; known: " + templates.keySet());
      }
      chosen.put(label, List.of(t));
    }
    DtwNearestNeighbour.Result r = DtwNearestNeighbour.of(chosen).classify(query);
    Map<String, Double> scores = new LinkedHashMap<>();
    r.distanceByLabel().forEach((label, d) -> scores.put(label, -d));
    return new Classification(r.label(), scores, name());
  }
}
