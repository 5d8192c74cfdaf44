package io.chargen.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chargen} command line. JSON results go to standard output, human progress to standard error, so
 * results can be piped while a person watches the progress bar.
 */
@Command(name = "chargen", mixinStandardHelpOptions = true, version = "chargen 0.1.0",
    description = "One-shot learning, generation and classification of handwritten letters "
        + "(Fabi, Otte, Wiese, Butz, ICANN 2020).",
    subcommands = {TrainCommand.class, ImportTorchCommand.class, LearnCommand.class, LearnStyleCommand.class,
        GenerateCommand.class, ClassifyCommand.class,
        ExportCommand.class, EvaluateCommand.class, UpCommand.class, LoadCommand.class, ChaosCommand.class,
        TokenCommand.class})
public final class Chargen {
  private Chargen() {}

  /**
   * @param args command line
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine().execute(args));
  }

  /** @return the command line, with errors reported as one line naming the problem (exit code 2) */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Chargen());
    cli.setExecutionExceptionHandler((ex, line, parsed) -> {
      line.getErr().println("chargen: " + ex.getMessage());
      return 2;
    });
    return cli;
  }
}
