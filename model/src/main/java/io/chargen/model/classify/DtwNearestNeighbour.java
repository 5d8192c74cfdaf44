package io.chargen.model.classify;

import io.chargen.model.StrokeSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The baseline classifier "DTW 1-nearest-neighbour on positions (L1 point cost)" (data README, "Reference
 * numbers"), against which the paper's classification by input inference (Fabi et al. 2020, Sec. 3.4) is compared:
 * a query gets the label of the template with the smallest {@link Dtw} distance.
 *
 * <p>Template positions are computed once. A label's distance is the smallest distance to any of its templates;
 * DTW rows are abandoned early once they exceed that label's best so far, which does not change any result.
 * Ties go to the template given first. Immutable and thread-safe.
 */
public final class DtwNearestNeighbour {
  /**
   * A labelled example.
   *
   * @param label the class, e.g. the letter "n"
   * @param sequence the example letter
   */
  public record Template(String label, StrokeSequence sequence) {
    /** @throws NullPointerException if the label or the sequence is null */
    public Template {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(sequence, "sequence");
    }
  }

  /**
   * The outcome of classifying one query.
   *
   * @param label the nearest template's label
   * @param distance the DTW distance to that template
   * @param distanceByLabel each label's distance (its nearest template), in the order labels were first given
   */
  public record Result(String label, double distance, Map<String, Double> distanceByLabel) {
    /** Copies the per-label map into an unmodifiable one that keeps its order. */
    public Result {
      distanceByLabel = Collections.unmodifiableMap(new LinkedHashMap<>(distanceByLabel));
    }
  }

  private final Dtw dtw;
  private final boolean sizeNormalised;
  private final List<String> labels = new ArrayList<>();
  private final List<Positions> positions = new ArrayList<>();

  /**
   * @param dtw the distance to use
   * @param templates the labelled examples, at least one
   * @throws IllegalArgumentException if there are no templates
   */
  public DtwNearestNeighbour(Dtw dtw, List<Template> templates) {
    this(dtw, false, templates);
  }

  private DtwNearestNeighbour(Dtw dtw, boolean sizeNormalised, List<Template> templates) {
    this.dtw = Objects.requireNonNull(dtw, "dtw");
    this.sizeNormalised = sizeNormalised;
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("a nearest-neighbour classifier needs at least one template, got none");
    }
    for (Template template : templates) {
      labels.add(template.label());
      positions.add(Positions.of(template.sequence(), sizeNormalised));
    }
  }

  /**
   * @param templates examples per label, e.g. one letter per class for one-shot classification
   * @return an unconstrained-DTW classifier over these templates
   */
  public static DtwNearestNeighbour of(Map<String, List<StrokeSequence>> templates) {
    return of(Dtw.unconstrained(), templates);
  }

  /**
   * @param dtw the distance to use
   * @param templates examples per label
   * @return a classifier over these templates (label order as the map iterates)
   */
  public static DtwNearestNeighbour of(Dtw dtw, Map<String, List<StrokeSequence>> templates) {
    return new DtwNearestNeighbour(dtw, flatten(templates));
  }

  /**
   * The same classifier on size-normalised positions (query and templates alike: dx and dy divided by their largest
   * absolute value, as the authors' transform does to every recorded letter), so that a generation drawn at another
   * scale than the writers' letters is judged by its shape. Issue 13's protocol for generated one-shot letters.
   *
   * @param templates examples per label
   * @return an unconstrained-DTW classifier on normalised positions
   */
  public static DtwNearestNeighbour sizeNormalised(Map<String, List<StrokeSequence>> templates) {
    return new DtwNearestNeighbour(Dtw.unconstrained(), true, flatten(templates));
  }

  private static List<Template> flatten(Map<String, List<StrokeSequence>> templates) {
    List<Template> list = new ArrayList<>();
    templates.forEach((label, sequences) -> sequences.forEach(s -> list.add(new Template(label, s))));
    return list;
  }

  /**
   * @param query the letter to classify
   * @return the nearest template's label and every label's distance
   */
  public Result classify(StrokeSequence query) {
    Positions q = Positions.of(query, sizeNormalised);
    Map<String, Double> best = new LinkedHashMap<>();
    String bestLabel = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < positions.size(); i++) {
      String label = labels.get(i);
      double labelBest = best.getOrDefault(label, Double.POSITIVE_INFINITY);
      double d = dtw.distance(q, positions.get(i), labelBest);
      best.put(label, Math.min(d, labelBest));
      if (d < bestDistance || bestLabel == null) {
        bestDistance = d;
        bestLabel = label;
      }
    }
    return new Result(bestLabel, bestDistance, best);
  }

  /** @return the number of templates */
  public int size() {
    return positions.size();
  }
}
