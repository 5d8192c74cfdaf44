package io.chargen.launcher;

import io.chargen.model.CharModel;
import io.chargen.model.Classification;
import io.chargen.model.classify.InputInferenceClassifier;
import io.chargen.model.data.Transform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chargen classify}: the paper's input inference (Fabi et al. 2020, Sec. 3.3). */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Name the letter a pen-input JSON shows, by the paper's input inference.")
final class ClassifyCommand implements Callable<Integer> {
  @Mixin
  ModelOptions options;
  @Option(names = "--query", required = true, description = "Pen-input JSON (its label, if any, is ignored).")
  Path query;
  @Option(names = "--candidates",
      description = "Letters to choose from, e.g. n-z (default: every letter of the model).")
  String candidates;
  @Option(names = "--steps", defaultValue = "1000", description = "Inference steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Override
  public Integer call() throws Exception {
    CharModel model = options.load();
    List<String> labels = candidates == null ? model.concepts().letters()
        : Letters.parse(candidates).stream().map(String::valueOf).toList();
    labels.forEach(model.concepts()::indexOf);
    Classification c = new InputInferenceClassifier(options.backend(), model, steps,
        InputInferenceClassifier.PAPER_LEARNING_RATE).classify(Transform.apply(PenJson.read(query).points()), labels);
    Json.print(Map.of("label", c.label(), "method", c.method(), "scores", c.scores()));
    return 0;
  }
}
