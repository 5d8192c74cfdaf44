package io.chargen.launcher;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.Transform;
import io.chargen.model.io.ModelFile;
import io.chargen.model.learn.LearnedConcepts;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargen learn}: one-shot learning of a concept from one JSON example (Fabi et al. 2020, Sec. 3.1). */
@Command(name = "learn", mixinStandardHelpOptions = true,
    description = "Learn a new letter from ONE example (only its input column adapts); writes the grown model.")
final class LearnCommand implements Callable<Integer> {
  @Mixin
  ModelOptions options;
  @Option(names = "--example", required = true, description = "Pen-input JSON with a label.")
  Path example;
  @Option(names = "--label", description = "Concept label (default: the example's label).")
  String label;
  @Option(names = "--schedule", defaultValue = "fast",
      description = "fast (L-BFGS, 60 evaluations, kept near the trained letters), fast-plain (the same on the paper's "
          + "loss alone), paper (Adam, 1000 steps per letter) or paper-total (1000 steps shared by the letters) "
          + "(default: ${DEFAULT-VALUE}).")
  String schedule;
  @Option(names = "--seed", defaultValue = "1", description = "Seed of the starting code (default: ${DEFAULT-VALUE}).")
  long seed;
  @Option(names = "--out", required = true, description = "Model file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    PenJson.Example parsed = PenJson.read(example);
    String concept = label != null ? label : parsed.label();
    if (concept == null || concept.isBlank()) {
      throw new IllegalArgumentException(example + " has no label; give --label");
    }
    StrokeSequence sequence = Transform.apply(parsed.points());
    CharModel model = options.load();
    long start = System.nanoTime();
    LearnedConcepts learned = new OneShotLearner(options.backend(), OneShotSchedule.byName(schedule))
        .learn(model, Map.of(concept, sequence), seed);
    double ms = (System.nanoTime() - start) / 1e6;
    ModelFile.write(learned.model(), out);
    OneShotResult r = learned.results().get(concept);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", concept);
    json.put("model", out.toString());
    json.put("mse_before", r.lossBefore());
    json.put("mse_after", r.lossAfter());
    json.put("evaluations", r.evaluations());
    json.put("ms", ms);
    Json.print(json);
    return 0;
  }
}
