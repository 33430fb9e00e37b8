package io.descent.train;

import io.descent.optim.Optimizer;
import io.descent.optim.StopReason;
import io.descent.report.IterationRecord;
import io.descent.store.CheckpointStore;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Saves a checkpoint every {@code every} iterations, with the history records since the last
 * one. Never at the start (there is nothing to save) nor at the last iteration (the model is
 * written next) — except when a signal stops the run: then its last iteration is saved, due
 * or not, since no model follows.
 */
final class PeriodicCheckpoints implements Consumer<TrainingLoop.Progress> {
  private final CheckpointStore checkpoints;
  private final int every;
  private final Optimizer optimizer;
  private final Map<String, Object> fingerprint;
  private final Map<String, Object> input;
  /** History records the checkpoints already hold. */
  private int savedRecords;

  /**
   * @param fingerprint the settings that define the result, for a resume to compare
   * @param input the input's fingerprint, likewise
   * @param savedRecords history records already in the store (those of a resumed run)
   */
  PeriodicCheckpoints(CheckpointStore checkpoints, int every, Optimizer optimizer,
      Map<String, Object> fingerprint, Map<String, Object> input, int savedRecords) {
    this.checkpoints = checkpoints;
    this.every = every;
    this.optimizer = optimizer;
    this.fingerprint = fingerprint;
    this.input = input;
    this.savedRecords = savedRecords;
  }

  @Override
  public void accept(TrainingLoop.Progress p) {
    int it = p.state().iteration();
    boolean due = p.stopReason() == null && it % every == 0;
    boolean signalled = p.stopReason() == StopReason.SIGNALLED;
    if (it == 0 || !(due || signalled)) {
      return;
    }
    List<IterationRecord> history = p.history();
    checkpoints.save(it, CheckpointCodec.meta(optimizer.name(), fingerprint, input),
        CheckpointCodec.vectors(p.state()),
        CheckpointCodec.rows(history.subList(savedRecords, history.size())));
    savedRecords = history.size();
  }
}
