package io.descent.train;

import io.descent.BadInputException;
import io.descent.config.TrainConfig;
import io.descent.data.source.InputFingerprint;
import io.descent.optim.Optimizer;
import io.descent.report.Json;
import io.descent.store.CheckpointStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the checkpoint to continue from and checks that it belongs to this run: the same
 * settings (those that change the result) and the same input, unless --resume force.
 */
final class Resume {
  private Resume() {}

  @SuppressWarnings("unchecked")
  static Optional<CheckpointCodec.Restored> find(CheckpointStore store, TrainConfig config,
      InputFingerprint input, Optimizer optimizer, PrintStream log) {
    Optional<CheckpointStore.Stored> found = store.latestValid();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CheckpointStore.Stored c = found.get();
    String difference = difference(c.meta(), config.fingerprint(), input);
    if (difference != null) {
      String where = "The checkpoint " + CheckpointStore.name(c.iteration()) + " in "
          + config.run().checkpointDir() + " belongs to another run: " + difference;
      if (!"force".equals(config.run().resume())) {
        throw new BadInputException(where + " Use a new --checkpoint-dir, --resume never to "
            + "start over, or --resume force to continue anyway.");
      }
      log.println("warning: " + where + " Continuing (--resume force).");
    }
    log.printf("resuming from checkpoint at iteration %d in %s%n", c.iteration(),
        config.run().checkpointDir());
    return Optional.of(CheckpointCodec.restore(optimizer, c.iteration(), c.meta(), c.vectors(),
        c.rows()));
  }

  /**
   * One sentence naming the first setting, or else the input, in which a checkpoint's
   * {@code meta} differs from this run's; null when it belongs to this run.
   */
  @SuppressWarnings("unchecked")
  static String difference(Map<String, Object> meta, Map<String, Object> fingerprint,
      InputFingerprint input) {
    String difference = configDifference((Map<String, Object>) meta.get("config"),
        normalized(fingerprint));
    return difference != null ? difference : input.describeDifference(
        InputFingerprint.fromJson((Map<String, Object>) meta.get("input")));
  }

  /** The JSON round trip turns numbers into the types the stored copy has. */
  static Map<String, Object> normalized(Map<String, Object> m) {
    try {
      return Json.readMap(Json.write(m));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One sentence naming the first setting that differs, or null. */
  static String configDifference(Map<String, Object> stored, Map<String, Object> now) {
    TreeSet<String> keys = new TreeSet<>(stored.keySet());
    keys.addAll(now.keySet());
    for (String k : keys) {
      if (!Objects.equals(stored.get(k), now.get(k))) {
        return "setting " + k + " was " + show(stored.get(k)) + " there and is " + show(now.get(k))
            + " now.";
      }
    }
    return null;
  }

  private static String show(Object v) {
    return v == null ? "unset" : String.valueOf(v);
  }

}
