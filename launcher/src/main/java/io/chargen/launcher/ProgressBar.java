package io.chargen.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Progress of a long task on standard error. On a terminal: a one-line bar with a rate-based ETA, redrawn in place
 * at most a few times a second. Anywhere else (a log file, CI, a pipe) a redrawn line is noise, so it prints one
 * plain line when a stage begins (a stage: an epoch, a writer) and one when the task is done.
 */
final class ProgressBar {
  /** Set by the {@code ./chargen} script to whether standard error is a terminal ({@code [ -t 2 ]}). */
  static final String TTY_PROPERTY = "chargen.stderr.tty";
  private static final int WIDTH = 30;
  /** Redraws at most five times a second: faster is unreadable and costs the terminal. */
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final String task;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastDraw;
  private String lastStage;

  /**
   * @param out where to write (standard error)
   * @param task what is running, e.g. {@code train}
   * @param terminal whether {@code out} is a terminal: a redrawn bar, else a line per stage
   */
  ProgressBar(PrintStream out, String task, boolean terminal) {
    this.out = out;
    this.task = task;
    this.terminal = terminal;
  }

  /** @return a progress display on standard error, a bar only when it is a terminal */
  static ProgressBar onStandardError(String task) {
    return new ProgressBar(System.err, task, standardErrorIsTerminal());
  }

  /**
   * @return whether standard error is a terminal: as the script found it, else (java run directly) whether the JVM
   *     has a console, which needs standard input and output on a terminal
   */
  static boolean standardErrorIsTerminal() {
    String told = System.getProperty(TTY_PROPERTY);
    return told != null ? Boolean.parseBoolean(told) : System.console() != null;
  }

  /**
   * @param done units complete
   * @param total units in all
   * @param stage what is running now (a new value starts a stage), e.g. {@code epoch 3/140}
   * @param detail what is worth seeing besides, e.g. {@code loss 0.0123}; may be empty
   */
  void update(long done, long total, String stage, String detail) {
    long now = System.nanoTime();
    double fraction = total == 0 ? 1 : (double) done / total;
    boolean finished = done >= total;
    if (terminal) {
      if (!finished && now - lastDraw < REDRAW_NANOS) {
        return;
      }
      lastDraw = now;
      int filled = (int) Math.round(fraction * WIDTH);
      out.printf("\r%s [%s%s] %3.0f%% %s %s  elapsed %s  ETA %s ", task, "#".repeat(filled),
          ".".repeat(WIDTH - filled), fraction * 100, stage, detail, format(now - start), eta(done, fraction, now));
      if (finished) {
        out.println();
      }
    } else if (finished) {
      out.printf("%s: done in %s %s%n", task, format(now - start), detail);
    } else if (!Objects.equals(stage, lastStage)) {
      lastStage = stage;
      out.printf("%s: %s (%.0f%%, elapsed %s, ETA %s) %s%n", task, stage, fraction * 100, format(now - start),
          eta(done, fraction, now), detail);
    }
    out.flush();
  }

  private String eta(long done, double fraction, long now) {
    long elapsed = now - start;
    return done == 0 ? "?" : format((long) (elapsed / fraction - elapsed));
  }

  private static String format(long nanos) {
    long s = Duration.ofNanos(nanos).toSeconds();
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
  }
}
