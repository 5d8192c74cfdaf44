package io.chargen.launcher;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.LstmWeights;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.io.ModelFile;
import io.chargen.model.train.LabelledSequence;
import io.chargen.model.train.Trainer;
import io.chargen.model.train.TrainingConfig;
import io.chargen.model.train.TrainingLoss;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chargen train}: trains a base model on letters of a folder of DigiLeTs writer files. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a base model (Adam, MSE) on DigiLeTs letters; prints a JSON summary.")
final class TrainCommand implements Callable<Integer> {
  /** The paper's training length (its loss is flat after ~5 epochs; data README). */
  static final int PAPER_EPOCHS = 100;

  @Option(names = "--data", required = true, description = "Folder of DigiLeTs writer files (or one file).")
  Path data;
  @Option(names = "--out", required = true, description = "Model file to write (.cgm).")
  Path out;
  @Option(names = "--letters", defaultValue = "a-m", description = "Letters to train on (default: ${DEFAULT-VALUE}).")
  String letters;
  @Option(names = "--concepts", defaultValue = "a-z",
      description = "Input concepts of the model (default: ${DEFAULT-VALUE}; untrained ones await one-shot learning).")
  String concepts;
  @Option(names = "--epochs",
      description = "Epochs of the paper's per-step MSE (default: 100; 0 with --init, whose model is trained).")
  Integer epochs;
  @Option(names = "--aligned-epochs", defaultValue = "40",
      description = "Then epochs of the time-aligned MSE (default: ${DEFAULT-VALUE}; 0 with --paper).")
  int alignedEpochs;
  @Option(names = "--paper", description = "The paper's model: letter-only input, per-step MSE only, no writer styles.")
  boolean paper;
  @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;
  @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;
  @Option(names = "--hidden", defaultValue = "100", description = "LSTM size (default: ${DEFAULT-VALUE}).")
  int hidden;
  @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and shuffling (default: ${DEFAULT-VALUE}).")
  long seed;
  @Option(names = "--backend", defaultValue = "fast", description = "fast or dl4j (default: ${DEFAULT-VALUE}).")
  String backend;
  @Option(names = "--input-noise", defaultValue = "0",
      description = "SD of noise on the trained letters' inputs, one draw per sample and step held for the sequence "
          + "(default: ${DEFAULT-VALUE}).")
  double inputNoise;
  @Option(names = "--init", description = "Start from this model instead of random weights (its concepts are kept; "
      + "missing ones are added with zero codes).")
  Path init;

  @Override
  public Integer call() throws Exception {
    List<Character> trainLetters = Letters.parse(letters);
    DigiletsDataset dataset = DigiletsReader.readDataset(data).filter(s -> trainLetters.contains(s.label()));
    List<LabelledSequence> samples = dataset.samples().stream()
        .map(s -> new LabelledSequence(String.valueOf(s.label()), paper ? null : ConceptSet.styleOf(s.writer()),
            Transform.apply(s))).toList();
    ConceptSet conceptSet = ConceptSet.ofCharacters(Letters.join(Letters.parse(concepts)));
    if (!paper) {
      for (String writer : dataset.writers()) {
        conceptSet = conceptSet.with(ConceptSet.styleOf(writer));
      }
    }
    CharModel start = startingModel(conceptSet);
    System.err.printf("training on %d samples of %s from %d writers in %s%n", samples.size(), letters,
        dataset.writers().size(), data);
    ProgressBar bar = ProgressBar.onStandardError("train");
    long started = System.nanoTime();
    int plain = epochs != null ? epochs : init != null ? 0 : PAPER_EPOCHS;
    int aligned = paper ? 0 : alignedEpochs;
    CharModel trained = new Trainer(Backends.byName(backend), new TrainingConfig(plain + aligned, batch, learningRate,
        seed, aligned > 0 ? TrainingLoss.ALIGNED_MSE : TrainingLoss.MSE, plain, inputNoise))
        .train(start, samples, (epoch, total, b, batches, loss) -> bar.update(
            (long) (epoch - 1) * batches + b, (long) total * batches,
            String.format("epoch %d/%d", epoch, total), String.format("loss %.4f", loss)));
    Map<String, String> facts = new LinkedHashMap<>();
    if (init != null) {
      facts.put("initial_model", init.toString());
    }
    facts.put(CharModel.TRAINING_LETTERS_KEY, letters);
    facts.put("training_writers", String.join(",", dataset.writers()));
    facts.put("initial_seed", Long.toString(seed));
    facts.put("backend", backend);
    facts.put("training_seconds", String.format("%.1f", (System.nanoTime() - started) / 1e9));
    trained = trained.withMetadata(facts);
    ModelFile.write(trained, out);
    Json.print(Map.of("model", out.toString(), "samples", samples.size(), "writers", dataset.writers().size(),
        "final_epoch_loss", Double.parseDouble(trained.metadata().get("final_epoch_loss"))));
    return 0;
  }

  private CharModel startingModel(ConceptSet conceptSet) throws java.io.IOException {
    if (init == null) {
      return new CharModel(conceptSet, LstmWeights.random(conceptSet.size(), hidden, seed), Map.of());
    }
    CharModel model = ModelFile.read(init);
    for (String label : conceptSet.labels()) {
      if (!model.concepts().contains(label)) {
        model = model.withConcept(label, new float[model.weights().hidden()]);
      }
    }
    return model;
  }
}
