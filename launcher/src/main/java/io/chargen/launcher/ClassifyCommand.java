package io.chargen.launcher;

import io.chargen.classifier.ClassifierMethod;
import io.chargen.classifier.ClassifierMethods;
import io.chargen.model.CharModel;
import io.chargen.model.Classification;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.Transform;
import io.chargen.service.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chargen classify}: names the letter a pen-input JSON shows, by any method of the classifier-service's
 * catalogue ({@link ClassifierMethods}): {@code best} (shape-normalised DTW, issue 6; the default, as in the
 * service), {@code dtw_1nn}, {@code paper}, the paper's input inference (Fabi et al. 2020, Sec. 3.3), or {@code paper_fast} (the same with L-BFGS). The two
 * nearest-neighbour methods compare with labelled examples ({@code --templates}); the paper's with the model's codes.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Name the letter a pen-input JSON shows; prints {\"label\", \"method\", \"scores\"}.")
final class ClassifyCommand implements Callable<Integer> {
  @Mixin
  ModelOptions options;
  @Option(names = "--query", required = true, description = "Pen-input JSON (its label, if any, is ignored).")
  Path query;
  @Option(names = "--method", defaultValue = ClassifierMethods.DEFAULT,
      description = "best, dtw_1nn, paper or paper_fast (default: ${DEFAULT-VALUE}; best and dtw_1nn need --templates).")
  String method;
  @Option(names = "--templates", split = ",",
      description = "Labelled pen-input JSON files, or folders of them (e.g. from chargen export): one example per "
          + "letter to compare with (best, dtw_1nn).")
  List<Path> templates = new ArrayList<>();
  @Option(names = "--candidates",
      description = "Letters to choose from, e.g. n-z (default: every letter of the model, or of the templates).")
  String candidates;
  @Option(names = "--steps", defaultValue = "1000",
      description = "Inference steps of the paper's method (default: ${DEFAULT-VALUE}).")
  int steps;

  @Override
  public Integer call() throws Exception {
    ClassifierMethod chosen;
    try {
      chosen = ClassifierMethods.byName(method, options.backend(), steps);
    } catch (ConfigException e) {
      throw new UsageError("--method " + method + " is not one of " + ClassifierMethods.names());
    }
    CharModel model = options.load();
    Map<String, StrokeSequence> examples = readTemplates();
    if (chosen.needsTemplates() && examples.isEmpty()) {
      throw new UsageError("--method " + chosen.name() + " compares with labelled examples: give --templates "
          + "(files or folders of pen-input JSON), or use --method paper");
    }
    List<String> labels = chosen.needsTemplates() ? labels(List.copyOf(examples.keySet()), "template for")
        : labels(model.concepts().letters(), "concept in the model for");
    StrokeSequence sequence = Transform.apply(PenJson.read(query).points());
    Classification c = chosen.create(model, examples).classify(sequence, labels);
    Json.print(Map.of("label", c.label(), "method", chosen.name(), "scores", c.scores()));
    return 0;
  }

  /** @return the candidates: --candidates if given (each must be known), else all the method can tell apart */
  private List<String> labels(List<String> known, String whatIsMissing) {
    if (candidates == null) {
      return known;
    }
    List<String> wanted = Letters.parse(candidates).stream().map(String::valueOf).toList();
    for (String label : wanted) {
      if (!known.contains(label)) {
        throw new UsageError("--candidates " + candidates + ": no " + whatIsMissing + " '" + label + "' (known: "
            + known + ")");
      }
    }
    return wanted;
  }

  /** @return label → transformed example, one per label (the first file in name order wins) */
  private Map<String, StrokeSequence> readTemplates() throws IOException {
    Map<String, StrokeSequence> byLabel = new LinkedHashMap<>();
    for (Path file : templateFiles()) {
      PenJson.Example e = PenJson.read(file);
      if (e.label() == null || e.label().isBlank()) {
        throw new UsageError("template " + file + " has no label");
      }
      byLabel.putIfAbsent(e.label(), Transform.apply(e.points()));
    }
    return byLabel;
  }

  private List<Path> templateFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path t : templates) {
      if (Files.isDirectory(t)) {
        try (Stream<Path> in = Files.list(t)) {
          files.addAll(in.filter(f -> f.toString().endsWith(".json")).sorted().toList());
        }
      } else if (Files.isRegularFile(t)) {
        files.add(t);
      } else {
        throw new UsageError("template file not found: " + t);
      }
    }
    return files;
  }
}
