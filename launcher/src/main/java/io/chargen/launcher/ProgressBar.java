package io.chargen.launcher;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line progress bar on standard error with a rate-based ETA, redrawn at most a few times a second. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final String task;
  private final long start = System.nanoTime();
  private long lastDraw;

  ProgressBar(PrintStream out, String task) {
    this.out = out;
    this.task = task;
  }

  /** Redraws with {@code done} of {@code total} units complete and a status text. */
  void update(long done, long total, String status) {
    long now = System.nanoTime();
    if (done < total && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double fraction = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(fraction * WIDTH);
    long elapsed = now - start;
    String eta = done == 0 ? "?" : format(Duration.ofNanos((long) (elapsed / fraction - elapsed)));
    out.printf("\r%s [%s%s] %3.0f%% %s  elapsed %s  ETA %s ", task, "#".repeat(filled), ".".repeat(WIDTH - filled),
        fraction * 100, status, format(Duration.ofNanos(elapsed)), eta);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }

  private static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
  }
}
