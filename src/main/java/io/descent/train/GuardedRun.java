package io.descent.train;

import io.descent.config.TrainConfig;
import io.descent.model.LinearModel;
import io.descent.store.CheckpointStore;
import io.descent.store.DirectoryLock;
import io.descent.store.DirectoryOverlap;
import io.descent.store.ModelStore;
import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * The checks and locks a run's training happens inside, in the order that keeps data safe:
 * refuse overlapping directories, preflight the output, lock it, recover its leftovers, read
 * the warm-start model, preflight the checkpoints, lock them, remove their leftovers. Each
 * step may refuse the run before anything is written.
 */
final class GuardedRun {
  /** What runs inside: the training, given the stores and the warm-start model (or null). */
  interface Body {
    TrainingResult train(ModelStore models, LinearModel warm, CheckpointStore checkpoints);
  }

  private GuardedRun() {}

  static TrainingResult run(Configuration hadoop, TrainConfig config, PrintStream log, Body body) {
    Consumer<String> warn = w -> log.println("warning: " + w);
    refuseOverlaps(new DirectoryOverlap(hadoop), config);
    ModelStore models = new ModelStore(hadoop, warn);
    models.preflight(config.run().output(), config.run().overwrite());
    try (DirectoryLock outputLock =
        DirectoryLock.acquire(hadoop, config.run().output(), "--output", "descent train", warn)) {
      models.recoverLeftovers(config.run().output()).forEach(log::println);
      LinearModel warm = config.solver().warmStart() == null ? null
          : models.read(config.solver().warmStart(), "--warm-start");
      return withCheckpoints(hadoop, config, log, checkpoints -> body.train(models, warm, checkpoints));
    }
  }

  /**
   * Runs {@code body} with the run's checkpoint store (null when no directory is set),
   * preflighted, locked and cleared of leftovers: the command line inside its output's lock,
   * the estimator on its own.
   */
  static <T> T withCheckpoints(Configuration hadoop, TrainConfig config, PrintStream log,
      Function<CheckpointStore, T> body) {
    Consumer<String> warn = w -> log.println("warning: " + w);
    CheckpointStore checkpoints = config.run().checkpointDir() == null ? null
        : new CheckpointStore(hadoop, config.run().checkpointDir(),
            config.run().keepCheckpoints(), warn);
    if (checkpoints != null) {
      checkpoints.preflight();
    }
    try (DirectoryLock checkpointLock = checkpoints == null ? null : DirectoryLock.acquire(
        hadoop, config.run().checkpointDir(), "--checkpoint-dir", "descent train", warn)) {
      if (checkpoints != null) {
        checkpoints.removeLeftovers().forEach(log::println);
      }
      return body.apply(checkpoints);
    }
  }

  /**
   * The directories the run writes may be, contain or lie inside nothing else it uses:
   * replacing the output must never delete the input or the checkpoints, and a model inside
   * the input would be read as data by the next run.
   */
  private static void refuseOverlaps(DirectoryOverlap overlap, TrainConfig config) {
    DirectoryOverlap.Use data = new DirectoryOverlap.Use("--data", config.input().data());
    DirectoryOverlap.Use output = new DirectoryOverlap.Use("--output", config.run().output());
    DirectoryOverlap.Use checkpoints =
        new DirectoryOverlap.Use("--checkpoint-dir", config.run().checkpointDir());
    overlap.refuse(output, data);
    overlap.refuse(checkpoints, data);
    overlap.refuse(checkpoints, output);
    // --warm-start may name the output itself: replacing last night's model is the pattern.
  }
}
