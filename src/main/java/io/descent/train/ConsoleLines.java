package io.descent.train;

import java.io.PrintStream;
import java.util.function.Consumer;

/** Prints each iteration's log line (and the starting state's). */
final class ConsoleLines implements Consumer<TrainingLoop.Progress> {
  private final PrintStream log;

  ConsoleLines(PrintStream log) {
    this.log = log;
  }

  @Override
  public void accept(TrainingLoop.Progress p) {
    log.println(p.last().logLine());
  }
}
