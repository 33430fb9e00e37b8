package io.descent.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar toward the iteration budget, redrawn in place with a carriage
 * return: for terminals only (the caller decides), on stderr, so piped stdout stays clean.
 * The ETA assumes the remaining iterations cost what the ones this process ran did on
 * average (a resumed run starts counting at its checkpoint).
 */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream terminal;
  private final int total;
  private int drawnLength;
  private int firstShown = -1;

  public ProgressBar(PrintStream terminal, int total) {
    this.terminal = terminal;
    this.total = total;
  }

  /** Redraws the bar after {@code done} of the budget's iterations. */
  public void show(int done, double elapsedSeconds) {
    if (firstShown < 0) {
      firstShown = done;
    }
    String line = render(done, done - firstShown, total, elapsedSeconds);
    terminal.print("\r" + line);
    terminal.flush();
    drawnLength = line.length();
  }

  /** Erases the bar, so that the next log line starts on a clean line. */
  public void clear() {
    if (drawnLength > 0) {
      terminal.print("\r" + " ".repeat(drawnLength) + "\r");
      terminal.flush();
      drawnLength = 0;
    }
  }

  /** The bar after {@code done} of {@code total} iterations, {@code doneHere} of them in {@code elapsedSeconds}. */
  static String render(int done, int doneHere, int total, double elapsedSeconds) {
    int capped = Math.max(0, Math.min(done, total));
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * capped / total);
    String eta = doneHere <= 0 || capped >= total ? "--:--"
        : clock(elapsedSeconds / doneHere * (total - capped));
    return String.format(Locale.ROOT, "[%s%s] %d/%d iterations  elapsed %s  ETA %s",
        "#".repeat(filled), ".".repeat(WIDTH - filled), capped, total, clock(elapsedSeconds), eta);
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
