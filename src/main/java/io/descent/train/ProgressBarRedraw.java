package io.descent.train;

import io.descent.report.ProgressBar;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the progress bar below the log: erases it, lets the listeners that print write their
 * lines, then draws it again. The bar and the lines share a terminal, so the printing
 * listeners run inside this one rather than beside it.
 */
final class ProgressBarRedraw implements Consumer<TrainingLoop.Progress> {
  private final ProgressBar bar;
  private final List<Consumer<TrainingLoop.Progress>> printing;
  private final long started = System.nanoTime();

  ProgressBarRedraw(ProgressBar bar, List<Consumer<TrainingLoop.Progress>> printing) {
    this.bar = bar;
    this.printing = List.copyOf(printing);
  }

  @Override
  public void accept(TrainingLoop.Progress p) {
    bar.clear();
    printing.forEach(l -> l.accept(p));
    bar.show(p.state().iteration(), (System.nanoTime() - started) / 1e9);
  }

  /** Erases the bar for good, before the lines that follow the loop. */
  void finish() {
    bar.clear();
  }
}
