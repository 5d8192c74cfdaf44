package io.chargen.model.eval;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import java.util.List;
import java.util.Map;

/**
 * What {@link PaperProtocol} measured.
 *
 * @param writers the evaluated writers, sorted
 * @param oneShot per schedule name (and {@code untrained}, {@code no_inference}): mean MSE and ms per letter
 * @param classify per classifier name: accuracies and ms per trajectory
 * @param first the first writer's examples and models, for figures
 * @param learned per schedule name, per writer: the base model with that writer's letters learned one-shot (their
 *     natural lengths their examples'), for measures of what these letters generate
 */
public record ProtocolResult(List<String> writers, Map<String, OneShotStat> oneShot,
    Map<String, ClassifyStat> classify, FirstWriter first, Map<String, Map<String, CharModel>> learned) {

  /**
   * @param mse mean over writers and letters of the per-sample MSE after learning
   * @param msPerLetter mean wall time to learn one letter on one core, or null for baselines
   */
  public record OneShotStat(double mse, Double msPerLetter) {}

  /**
   * @param sameWriter accuracy on instances 1–4 of the writer whose instance 0 was learned
   * @param crossWriter accuracy on instance 0 of other writers, with the first writer's concepts
   * @param msPerTrajectory mean wall time to classify one trajectory
   */
  public record ClassifyStat(double sameWriter, double crossWriter, double msPerTrajectory) {}

  /**
   * @param writer the writer
   * @param examples its n–z examples (instance 0)
   * @param learned the base model with its concepts learned
   * @param noInference the base model with the starting codes, before learning
   * @param untrained an untrained model with the concepts learned
   */
  public record FirstWriter(String writer, Map<String, StrokeSequence> examples, CharModel learned,
      CharModel noInference, CharModel untrained) {}
}
