package io.chargen.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chargen} command line. JSON results go to standard output, human progress to standard error, so
 * results can be piped while a person watches the progress bar.
 */
@Command(name = "chargen", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
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

  /**
   * @return the command line: a bad argument exits 2 with one line naming it, a failure of the program exits 1
   *     ({@link ErrorReporting})
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Chargen());
    cli.setExecutionExceptionHandler(new ErrorReporting());
    return cli;
  }
}
