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
  @Option(names = "--data", required = true, description = "Folder of DigiLeTs writer files (or one file).")
  Path data;
  @Option(names = "--out", required = true, description = "Model file to write (.cgm).")
  Path out;
  @Option(names = "--letters", defaultValue = "a-m", description = "Letters to train on (default: ${DEFAULT-VALUE}).")
  String letters;
  @Option(names = "--concepts", defaultValue = "a-z",
      description = "Input concepts of the model (default: ${DEFAULT-VALUE}; untrained ones await one-shot learning).")
  String concepts;
  @Option(names = "--epochs", defaultValue = "100", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;
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

  @Override
  public Integer call() throws Exception {
    List<Character> trainLetters = Letters.parse(letters);
    DigiletsDataset dataset = DigiletsReader.readDataset(data).filter(s -> trainLetters.contains(s.label()));
    List<LabelledSequence> samples = dataset.samples().stream()
        .map(s -> new LabelledSequence(String.valueOf(s.label()), Transform.apply(s))).toList();
    ConceptSet conceptSet = ConceptSet.ofCharacters(Letters.join(Letters.parse(concepts)));
    CharModel start = new CharModel(conceptSet, LstmWeights.random(conceptSet.size(), hidden, seed), Map.of());
    System.err.printf("training on %d samples of %s from %d writers in %s%n", samples.size(), letters,
        dataset.writers().size(), data);
    ProgressBar bar = new ProgressBar(System.err, "train");
    long started = System.nanoTime();
    CharModel trained = new Trainer(Backends.byName(backend), new TrainingConfig(epochs, batch, learningRate, seed))
        .train(start, samples, (epoch, total, b, batches, loss) -> bar.update(
            (long) (epoch - 1) * batches + b, (long) total * batches,
            String.format("epoch %d/%d loss %.4f", epoch, total, loss)));
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("training_letters", letters);
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
}
