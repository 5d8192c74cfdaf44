package io.chargen.launcher;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a failed command ends, following picocli's exit codes: a bad argument — a {@link UsageError}, a file that
 * does not exist, or an {@link IllegalArgumentException}, which the model and launcher throw for a rejected input
 * value and whose message names it — exits 2 (USAGE) with that message and a hint to {@code --help}; anything else is
 * a failure of the program itself and exits 1 (SOFTWARE) with the error's message and its causes, and the stack
 * trace when {@code CHARGEN_DEBUG} is set.
 */
final class ErrorReporting implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine line, ParseResult parsed) {
    String command = line.getCommandSpec().qualifiedName();
    String usage = usageMessage(ex);
    if (usage != null) {
      line.getErr().println(command + ": " + usage);
      line.getErr().println("Try '" + command + " --help' for the options.");
      return ExitCode.USAGE;
    }
    line.getErr().println(command + ": error: " + describe(ex));
    for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      line.getErr().println("  caused by: " + describe(cause));
    }
    if (System.getenv("CHARGEN_DEBUG") != null) {
      ex.printStackTrace(line.getErr());
    }
    return ExitCode.SOFTWARE;
  }

  /** @return the one-line message of a bad argument, or null when the error is not one */
  static String usageMessage(Throwable ex) {
    if (ex instanceof UsageError || ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    if (ex instanceof NoSuchFileException e) {
      return "file not found: " + e.getFile();
    }
    if (ex instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    return null;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName()
        : t.getMessage() + " (" + t.getClass().getSimpleName() + ")";
  }
}
