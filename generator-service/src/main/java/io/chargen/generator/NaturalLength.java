package io.chargen.generator;

import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.ConceptState;
import java.util.HashMap;
import java.util.Map;

/**
 * The length a letter naturally has when a request gives no step count: the length of the example each concept was
 * learned from, mixed by the blend weights; concepts without an example (the base model's) count as
 * {@link GenerationSpec#DEFAULT_STEPS}. The paper's model has no end-of-letter output, so without this a short
 * letter generated for 40 steps starts writing itself again.
 */
final class NaturalLength {
  private NaturalLength() {}

  /**
   * @param spec a parsed request; its steps are {@link GenerationSpec#NATURAL_STEPS} when the request gave none
   * @param state the concepts this replica knows
   * @return the request with a step count
   */
  static GenerationSpec fill(GenerationSpec spec, ConceptState state) {
    if (spec.steps() != GenerationSpec.NATURAL_STEPS) {
      return spec;
    }
    Map<String, Integer> lengths = new HashMap<>();
    for (LearnedConcept c : state.concepts()) {
      if (c.getExampleCount() > 0) {
        lengths.put(c.getLabel(), c.getExampleCount());
      }
    }
    double steps = 0;
    for (Map.Entry<String, Double> e : spec.mix().entrySet()) {
      steps += e.getValue() * lengths.getOrDefault(e.getKey(), GenerationSpec.DEFAULT_STEPS);
    }
    return spec.withSteps((int) Math.max(1, Math.round(steps)));
  }
}
