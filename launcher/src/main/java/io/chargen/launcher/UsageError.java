package io.chargen.launcher;

/**
 * A bad argument found while a command runs (a file that does not exist, a method the catalogue lacks): reported
 * like a parse error, as one line naming the bad value, with exit status 2 (picocli's USAGE).
 */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the value, e.g. "model file not found: /x.cgm" */
  UsageError(String message) {
    super(message);
  }
}
