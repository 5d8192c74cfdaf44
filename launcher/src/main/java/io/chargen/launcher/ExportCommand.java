package io.chargen.launcher;

import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.PenSample;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chargen export}: one recorded letter as pen-input JSON, to feed {@code learn} or {@code classify}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Print one DigiLeTs letter as pen-input JSON (the capture service's format).")
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, description = "A DigiLeTs writer file.")
  Path data;
  @Option(names = "--letter", required = true, description = "The letter, e.g. n.")
  char letter;
  @Option(names = "--instance", defaultValue = "0", description = "Instance 0..4 (default: ${DEFAULT-VALUE}).")
  int instance;
  @Option(names = "--no-label", description = "Leave the label out (a query to classify).")
  boolean noLabel;

  @Override
  public Integer call() throws Exception {
    PenSample s = DigiletsReader.readDataset(data).sample(DigiletsReader.writerId(data), letter, instance);
    Json.print(PenJson.toJson(noLabel ? null : String.valueOf(letter), s.writer(), s.points()));
    return 0;
  }
}
