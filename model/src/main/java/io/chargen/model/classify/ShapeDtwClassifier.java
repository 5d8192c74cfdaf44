package io.chargen.model.classify;

import io.chargen.model.Classification;
import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One-shot letter classification by nearest neighbour under {@link ShapeDtw} on normalised, arc-length resampled
 * {@link ShapeFeatures}: the project's answer to issue 6 ("a classifier that beats DTW-1NN from one example per
 * letter"), an alternative to the paper's input inference (Fabi et al. 2020, Sec. 3.3). A label may have several
 * templates (its example plus, e.g., {@link TemplateAugmenter} variants); its distance is the smallest. Scores are
 * negated distances. Template features are computed once; immutable and thread-safe.
 */
public final class ShapeDtwClassifier implements Classifier {
  /** The name under which evaluation reports this method. */
  public static final String NAME = "shape_dtw";

  private final ShapeOptions options;
  private final ShapeDtw dtw;
  private final Map<String, List<ShapeFeatures>> templates = new LinkedHashMap<>();

  /**
   * @param templates label → its templates, each list non-empty
   * @param options features and band
   * @throws IllegalArgumentException naming a label without templates, or if there are no labels
   */
  public ShapeDtwClassifier(Map<String, List<StrokeSequence>> templates, ShapeOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.dtw = new ShapeDtw(options.band());
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("a nearest-neighbour classifier needs at least one template, got none");
    }
    templates.forEach((label, list) -> {
      if (list.isEmpty()) {
        throw new IllegalArgumentException("concept '" + label + "' has no templates");
      }
      List<ShapeFeatures> features = new ArrayList<>(list.size());
      list.forEach(s -> features.add(ShapeFeatures.of(s, options)));
      this.templates.put(label, List.copyOf(features));
    });
  }

  /**
   * @param examples label → its single example
   * @return the classifier with the {@link ShapeOptions#TUNED} settings and no augmentation
   */
  public static ShapeDtwClassifier oneShot(Map<String, StrokeSequence> examples) {
    Map<String, List<StrokeSequence>> t = new LinkedHashMap<>();
    examples.forEach((label, s) -> t.put(label, List.of(s)));
    return new ShapeDtwClassifier(t, ShapeOptions.TUNED);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classification classify(StrokeSequence query, List<String> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate concepts to classify into");
    }
    ShapeFeatures q = ShapeFeatures.of(query, options);
    Map<String, Double> scores = new LinkedHashMap<>();
    String bestLabel = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (String label : candidates) {
      List<ShapeFeatures> list = templates.get(label);
      if (list == null) {
        throw new IllegalArgumentException("no template for concept '" + label + "'; known: " + templates.keySet());
      }
      double labelBest = Double.POSITIVE_INFINITY;
      for (ShapeFeatures t : list) {
        labelBest = Math.min(labelBest, dtw.distance(q, t, labelBest));
      }
      scores.put(label, -labelBest);
      if (bestLabel == null || labelBest < bestDistance) {
        bestLabel = label;
        bestDistance = labelBest;
      }
    }
    return new Classification(bestLabel, scores, name());
  }
}
