package io.descent.train;

import io.descent.predict.HoldoutEvaluation;
import io.descent.report.ValidationRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores the held-out rows at every iterate, prints the record and keeps it for metrics.json,
 * the report and model.json.
 */
final class HoldoutScoring implements Consumer<TrainingLoop.Progress> {
  private final HoldoutEvaluation holdout;
  private final PrintStream log;
  private final List<ValidationRecord> records = new ArrayList<>();

  HoldoutScoring(HoldoutEvaluation holdout, PrintStream log) {
    this.holdout = holdout;
    this.log = log;
  }

  @Override
  public void accept(TrainingLoop.Progress p) {
    ValidationRecord v = holdout.evaluate(p.state().iteration(), p.state().x());
    records.add(v);
    log.println(v.logLine());
  }

  /** The records so far, oldest first (read-only). */
  List<ValidationRecord> records() {
    return Collections.unmodifiableList(records);
  }
}
