package io.chargen.launcher;

import io.chargen.model.CharModel;
import io.chargen.model.Rollout;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargen generate}: regeneration, variants and blends (Fabi et al. 2020, Sec. 3.2, 3.4, 3.5). */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate a letter or blend; prints {\"points\": [[dx,dy,pressure,stroke],…]} (raw network output).")
final class GenerateCommand implements Callable<Integer> {
  @Mixin
  ModelOptions options;
  @Option(names = {"--mix", "--mix-more"}, required = true, split = ",",
      description = "concept=weight, repeatable or comma-separated: --mix n=0.3,o=0.7 (weights sum to 1); "
          + "add a writer's hand with @writer=1.")
  List<String> mix;
  @Option(names = "--steps", defaultValue = "0",
      description = "Steps to generate (default: 0 = the letter's natural length).")
  int steps;
  @Option(names = "--noise", defaultValue = "0",
      description = "Noise SD on the letter inputs at every step, paper 0.009-0.07 (default: 0).")
  double noise;
  @Option(names = "--style-noise", defaultValue = "0",
      description = "Noise SD on the writer-style inputs at every step (default: 0).")
  double styleNoise;
  @Option(names = "--seed", defaultValue = "0", description = "Noise seed (default: ${DEFAULT-VALUE}).")
  long seed;
  @Option(names = "--states", description = "Also print the LSTM's \"cell\" and \"hidden\" states (steps×H).")
  boolean states;

  @Override
  public Integer call() throws Exception {
    CharModel model = options.load();
    GenerationRequest request = new GenerationRequest(steps, noise, styleNoise, seed, states);
    Rollout r = new Generator(options.backend()).generate(model, parseMix(mix), request);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("points", r.output().toSteps());
    if (noise > 0 || styleNoise > 0) {
      // issue 13: what the SDs mean for this model, comparable with the paper's 0.009-0.07
      json.put("noise_after_input_layer", Generator.noiseAfterInputLayer(model, request));
    }
    if (states) {
      json.put("cell", r.cell());
      json.put("hidden", r.hidden());
    }
    Json.print(json);
    return 0;
  }

  static Map<String, Double> parseMix(List<String> entries) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("mix entry '" + entry + "' is not concept=weight");
      }
      String concept = entry.substring(0, eq);
      try {
        weights.merge(concept, Double.parseDouble(entry.substring(eq + 1)), Double::sum);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight of '" + concept + "' in '" + entry + "' is not a number");
      }
    }
    return weights;
  }
}
