package io.chargen.launcher;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.Transform;
import io.chargen.model.io.ModelFile;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import io.chargen.model.learn.StyleLearner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargen learn-style}: learns a writer's hand from a few of their letters (issue 7). */
@Command(name = "learn-style", mixinStandardHelpOptions = true,
    description = "Learn a writer's style from a few labelled letters (only the style's input column adapts); writes "
        + "the grown model. Then generate --mix x=1,@NAME=1 writes x in that hand.")
final class LearnStyleCommand implements Callable<Integer> {
  @Mixin
  ModelOptions options;
  @Option(names = "--example", required = true, description = "Pen-input JSON with a label; repeat for each letter.")
  List<Path> examples;
  @Option(names = "--name", required = true, description = "The writer's name; the style is @NAME.")
  String name;
  @Option(names = "--schedule", defaultValue = "fast", description = "fast or paper (default: ${DEFAULT-VALUE}).")
  String schedule;
  @Option(names = "--out", required = true, description = "Model file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Map<String, StrokeSequence> letters = new LinkedHashMap<>();
    for (Path file : examples) {
      PenJson.Example parsed = PenJson.read(file);
      if (parsed.label() == null || parsed.label().isBlank()) {
        throw new IllegalArgumentException(file + " has no label; each style example needs its letter");
      }
      letters.put(parsed.label(), Transform.apply(parsed.points()));
    }
    CharModel model = options.load();
    String style = ConceptSet.styleOf(name);
    long start = System.nanoTime();
    OneShotResult r = new StyleLearner(options.backend(), OneShotSchedule.byName(schedule))
        .learnStyle(model, style, letters);
    double ms = (System.nanoTime() - start) / 1e6;
    ModelFile.write(model.withConcept(style, r.code()), out);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("style", style);
    json.put("letters", List.copyOf(letters.keySet()));
    json.put("model", out.toString());
    json.put("mse_before", r.lossBefore());
    json.put("mse_after", r.lossAfter());
    json.put("ms", ms);
    Json.print(json);
    return 0;
  }
}
