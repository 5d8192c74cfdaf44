package io.chargen.launcher;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.ClassifierCatalogue;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.eval.GenerationRecognition;
import io.chargen.model.eval.WriterStyleProtocol;
import io.chargen.model.io.ModelFile;
import java.io.IOException;
import io.chargen.model.eval.PaperProtocol;
import io.chargen.model.eval.ProtocolConfig;
import io.chargen.model.eval.ProtocolResult;
import io.chargen.model.eval.ReconstructionError;
import io.chargen.model.learn.OneShotSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chargen evaluate}: the paper's protocol on every writer file of a folder; writes {@code metrics.json} and
 * figures mirroring the paper's Figs. 2–7.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Run the paper's one-shot and classification protocol on every writer in a folder; "
        + "writes OUT/metrics.json and figures.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin
  ModelOptions options;
  @Option(names = "--data", required = true, description = "Folder of DigiLeTs writer files (writers not trained on).")
  Path data;
  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;
  @Option(names = "--schedules", defaultValue = "fast,paper", split = ",",
      description = "One-shot schedules (fast, fast-plain, paper, paper-total); the first also serves "
          + "classification (default: ${DEFAULT-VALUE}).")
  List<String> schedules;
  @Option(names = "--letters", defaultValue = "n-z", description = "New letters (default: ${DEFAULT-VALUE}).")
  String letters;
  @Option(names = "--classify-steps", defaultValue = "1000",
      description = "Input-inference steps of the paper's classifier (default: ${DEFAULT-VALUE}).")
  int classifySteps;
  @Option(names = "--max-writers", defaultValue = "0", description = "Evaluate only the first N writers (0: all).")
  int maxWriters;
  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;
  @Option(names = "--before", description = "A model to compare generations with, e.g. models/paper.cgm.")
  Path before;

  @Override
  public Integer call() throws Exception {
    CharModel base = options.load();
    Backend backend = options.backend();
    DigiletsDataset dataset = DigiletsReader.readDataset(data);
    if (maxWriters > 0) {
      dataset = dataset.writers(dataset.writers().stream().sorted().limit(maxWriters).toList());
    }
    List<OneShotSchedule> chosen = schedules.stream().map(OneShotSchedule::byName).toList();
    ProtocolConfig config = new ProtocolConfig(chosen, Letters.parse(letters), classifySteps, seed);
    // Every method the classifier service offers (one catalogue), measured the same way.
    Map<String, PaperProtocol.ClassifierFactory> classifiers = new LinkedHashMap<>();
    ClassifierCatalogue.all(backend, classifySteps).forEach((name, m) -> classifiers.put(name, m.factory()));
    System.err.printf("evaluating %s on %d writers of %s%n", options.model, dataset.writers().size(), data);
    ProgressBar bar = ProgressBar.onStandardError("evaluate");
    ProtocolResult result = new PaperProtocol(backend, config).run(base, dataset, classifiers,
        (done, total, what) -> bar.update(done, total, what, ""));
    Files.createDirectories(out);
    Map<String, Object> metrics = metrics(result);
    metrics.put("base_model", baseModelError(base, backend, dataset));
    List<Path> figures = new ArrayList<>(new EvaluationFigures(backend, config, out).write(result, dataset));
    putOneShotGeneration(metrics, result, new OneShotMetrics(backend, dataset,
        config.newLetters().stream().map(String::valueOf).toList(), trainedLetters(base)), config);
    metrics.put("generation", generation(base, backend, dataset, chosen.get(0), figures));
    Json.MAPPER.writeValue(out.resolve("metrics.json").toFile(), metrics);
    metrics.put("figures", figures.stream().map(Path::toString).toList());
    Json.print(metrics);
    return 0;
  }

  /**
   * Issue 13's measures of the one-shot letters: for the first schedule under {@code one_shot_generation} and
   * {@code blends}, for the others under {@code other_schedules}.
   */
  private static void putOneShotGeneration(Map<String, Object> metrics, ProtocolResult result,
      OneShotMetrics measure, ProtocolConfig config) {
    Map<String, Object> others = new LinkedHashMap<>();
    String primary = config.schedules().get(0).name();
    result.learned().forEach((schedule, learned) -> {
      Map<String, Object> generation = measure.generation(learned);
      generation.put("schedule", schedule);
      if (schedule.equals(primary)) {
        metrics.put("one_shot_generation", generation);
        metrics.put("blends", measure.blends(learned));
      } else {
        others.put(schedule, Map.of("one_shot_generation", generation, "blends", measure.blends(learned)));
      }
    });
    metrics.put("other_schedules", others);
  }

  /**
   * Issue 7's measures and figures: generations of the trained letters classified by DTW-1NN against instance 0 of
   * every writer (also for the --before model), and, in a model with styles, letters in these writers' hands.
   */
  private Map<String, Object> generation(CharModel base, Backend backend, DigiletsDataset dataset,
      OneShotSchedule schedule, List<Path> figures) throws IOException {
    List<String> letters = trainedLetters(base);
    Map<String, List<StrokeSequence>> templates = new LinkedHashMap<>();
    for (var s : dataset.filter(s -> letters.contains(String.valueOf(s.label())) && s.instance() == 0).samples()) {
      templates.computeIfAbsent(String.valueOf(s.label()), k -> new ArrayList<>()).add(Transform.apply(s));
    }
    GenerationRecognition recognition = new GenerationRecognition(backend);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("recognised", recognised(recognition.measure(base, templates)));
    GenerationFigures pictures = new GenerationFigures(backend, out);
    if (before != null) {
      CharModel paper = ModelFile.read(before);
      m.put("recognised_before", recognised(recognition.measure(paper, templates)));
      m.put("before_model", before.toString());
      figures.add(pictures.beforeAfter(paper, base, letters));
    }
    if (base.concepts().styles().size() > 1) {
      List<String> learnFrom = everyOther(letters, 0);
      List<String> generated = everyOther(letters, 1);
      WriterStyleProtocol.Result r = new WriterStyleProtocol(backend, schedule).measure(base, dataset, learnFrom,
          generated);
      m.put("writer_styles", Map.of("learned_from", learnFrom, "generated", generated, "recognised", r.recognised(),
          "nearest_is_writer", r.sameWriter(), "nearest_is_writer_default_style", r.sameWriterDefaultStyle()));
      figures.add(pictures.writerStyles(base, dataset, learnFrom, generated, schedule));
    }
    return m;
  }

  /** The model's training letters; a–m, the paper's, for a model that does not name them (e.g. imported). */
  private static List<String> trainedLetters(CharModel model) {
    List<String> named = model.trainedLetters();
    return named.isEmpty() ? Letters.parse("a-m").stream().map(String::valueOf).toList() : named;
  }

  private static Map<String, Object> recognised(GenerationRecognition.Result r) {
    return Map.of("plain", r.plain(), "variants", r.variants(), "noise", GenerationRecognition.VARIANT_NOISE);
  }

  /** Letters at even (start 0) or odd (start 1) positions: a style learns from one half and writes the other. */
  private static List<String> everyOther(List<String> letters, int start) {
    List<String> out = new ArrayList<>();
    for (int i = start; i < letters.size(); i += 2) {
      out.add(letters.get(i));
    }
    return out;
  }

  /** MSE on the letters the base model was trained on, for these (held-out) writers. */
  private Map<String, Object> baseModelError(CharModel base, Backend backend, DigiletsDataset dataset) {
    List<String> letters = trainedLetters(base);
    var samples = dataset.filter(s -> letters.contains(String.valueOf(s.label()))).samples();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("letters", String.join("", letters));
    m.put("samples", samples.size());
    m.put("mse", new ReconstructionError(backend).meanSquaredError(base, samples));
    m.put("training_writers", base.metadata().getOrDefault("training_writers", "").split(",").length);
    m.put("final_training_loss", base.metadata().get("final_epoch_loss"));
    return m;
  }

  private Map<String, Object> metrics(ProtocolResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", options.model.toString());
    m.put("backend", options.backend);
    m.put("writers", r.writers());
    Map<String, Object> oneShot = new LinkedHashMap<>();
    r.oneShot().forEach((k, s) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("mse", s.mse());
      e.put("ms_per_letter", s.msPerLetter());
      oneShot.put(k, e);
    });
    m.put("one_shot", oneShot);
    Map<String, Object> classify = new LinkedHashMap<>();
    r.classify().forEach((k, s) -> classify.put(k, Map.of("same_writer", s.sameWriter(),
        "cross_writer", s.crossWriter(), "ms_per_trajectory", s.msPerTrajectory())));
    m.put("classify", classify);
    m.put("settings", Map.of("schedules", schedules, "letters", letters, "classify_steps", classifySteps,
        "seed", seed, "fast_schedule", Arrays.asList(OneShotSchedule.FAST.method(), OneShotSchedule.FAST.budget(),
            "prior " + OneShotSchedule.FAST.prior(), "position weight " + OneShotSchedule.FAST.positionWeight())));
    return m;
  }
}
