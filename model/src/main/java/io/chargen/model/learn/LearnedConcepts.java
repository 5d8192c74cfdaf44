package io.chargen.model.learn;

import io.chargen.model.CharModel;
import java.util.Map;

/**
 * Several concepts learned together.
 *
 * @param model the model with every learned concept
 * @param results per label, in the order the examples were given
 */
public record LearnedConcepts(CharModel model, Map<String, OneShotResult> results) {}
