package io.chargen.model.eval;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.data.PenSample;
import io.chargen.model.data.Transform;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.util.List;
import java.util.Map;

/**
 * How well a trained model draws the letters it was trained on, for writers it never saw: the per-sample MSE (mean
 * over steps and the 4 channels) between the regeneration of the sample's label, run for the sample's length, and
 * the sample (data README: about 0.046 on training writers and 0.066 on unseen writers after ~100 epochs).
 */
public final class ReconstructionError {
  private final Generator generator;

  /** @param backend computes the network */
  public ReconstructionError(Backend backend) {
    this.generator = new Generator(backend);
  }

  /**
   * @param model the trained model
   * @param samples samples whose labels are concepts of the model
   * @return the mean per-sample MSE
   */
  public double meanSquaredError(CharModel model, List<PenSample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to measure the reconstruction error on");
    }
    return samples.parallelStream().mapToDouble(s -> {
      var target = Transform.apply(s);
      return generator.generate(model, Map.of(String.valueOf(s.label()), 1.0),
          GenerationRequest.plain(target.length())).output().meanSquaredError(target);
    }).average().orElseThrow();
  }
}
