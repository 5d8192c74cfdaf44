package io.chargen.generator;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.ConceptState;
import java.util.HashMap;
import java.util.Map;

/**
 * The length a letter naturally has when a request gives no step count (issue 7): the length of the example each
 * concept was learned from, else the base model's natural length of that letter (the mean of its training letters),
 * else {@link GenerationSpec#DEFAULT_STEPS}; mixed by the blend weights. Styles do not count. The paper's model has
 * no end-of-letter output, so without this a short letter generated for 40 steps starts writing itself again.
 */
final class NaturalLength {
  private NaturalLength() {}

  /**
   * @param spec a parsed request; its steps are {@link GenerationSpec#NATURAL_STEPS} when the request gave none
   * @param state the concepts this replica knows
   * @param tenant the requesting tenant
   * @param model the base model with the tenant's learned concepts
   * @return the request with a step count
   */
  static GenerationSpec fill(GenerationSpec spec, ConceptState state, String tenant, CharModel model) {
    if (spec.steps() != GenerationSpec.NATURAL_STEPS) {
      return spec;
    }
    Map<String, Integer> lengths = new HashMap<>();
    for (LearnedConcept c : state.concepts(tenant)) {
      if (c.getExampleCount() > 0) {
        lengths.put(c.getLabel(), c.getExampleCount());
      }
    }
    double steps = 0;
    for (Map.Entry<String, Double> e : spec.mix().entrySet()) {
      String label = e.getKey();
      if (!ConceptSet.isStyle(label)) {
        steps += e.getValue() * lengths.getOrDefault(label,
            model.naturalLength(label).orElse(GenerationSpec.DEFAULT_STEPS));
      }
    }
    return spec.withSteps((int) Math.max(1, Math.round(steps)));
  }
}
