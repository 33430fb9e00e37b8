package io.descent.store;

import io.descent.DescentException;
import io.descent.ExitCodes;
import io.descent.report.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run's exclusive claim on a directory it writes (a model output, a checkpoint
 * directory): the file {@code .NAME.lock} beside it, created with an exclusive create
 * (atomic on HDFS and local file systems), holding the owner's identity. The owner touches
 * it every {@link #HEARTBEAT_SECONDS}; a lock is stale, and taken over, when its owner ran on
 * this host and its process is gone, or when it was not touched for {@code staleAfter}
 * (an owner on another host that died), or when its owner was an earlier attempt of the YARN
 * application this run is an attempt of (YARN restarted the driver, maybe on another host).
 * Any other lock is busy: the run stops (exit 4, so a scheduler retries later) naming the owner
 * and the lock file.
 */
public final class DirectoryLock implements AutoCloseable {
  public static final long HEARTBEAT_SECONDS = 30;
  /** Ten missed heartbeats: long enough for a GC pause or a slow name node, short for a retry. */
  public static final long STALE_AFTER_SECONDS = 300;

  private final FileSystem fs;
  private final Path file;
  private final Map<String, Object> owner;
  private final List<Path> createdParents;
  private final ScheduledExecutorService heartbeat;

  private DirectoryLock(FileSystem fs, Path file, Map<String, Object> owner,
      List<Path> createdParents) {
    this.fs = fs;
    this.file = file;
    this.owner = owner;
    this.createdParents = createdParents;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "descent-lock-heartbeat");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleAtFixedRate(this::touch, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  /** The lock file that guards {@code dir}. */
  public static Path lockFile(Path dir) {
    Path parent = dir.getParent();
    return parent == null ? new Path(dir, ".lock") : new Path(parent, "." + dir.getName() + ".lock");
  }

  /**
   * Takes the lock on {@code dir} for {@code command}, or throws naming who holds it; a
   * stale lock taken over is reported through {@code warn}.
   */
  public static DirectoryLock acquire(Configuration conf, String dir, String flag, String command,
      Consumer<String> warn) {
    return acquire(conf, dir, flag, command, warn, STALE_AFTER_SECONDS * 1000);
  }

  static DirectoryLock acquire(Configuration conf, String dir, String flag, String command,
      Consumer<String> warn, long staleAfterMillis) {
    return acquire(conf, dir, flag, command, warn, staleAfterMillis,
        YarnAttempt.ofContainer(System.getenv("CONTAINER_ID")));
  }

  /** The same, run in the YARN application attempt {@code yarn} (or in none). */
  static DirectoryLock acquire(Configuration conf, String dir, String flag, String command,
      Consumer<String> warn, long staleAfterMillis, Optional<YarnAttempt> yarn) {
    Path target = new Path(dir);
    try {
      FileSystem fs = target.getFileSystem(conf);
      Path file = lockFile(fs.makeQualified(target));
      List<Path> created = createParents(fs, file.getParent());
      Map<String, Object> me = identity(command, yarn);
      try {
        for (int attempt = 0; ; attempt++) {
          if (tryCreate(fs, file, me)) {
            return new DirectoryLock(fs, file, me, created);
          }
          Holder holder = Holder.read(fs, file);
          if (holder == null) {
            continue; // released between our create and our read: try again
          }
          String stale = holder.staleReason(staleAfterMillis, yarn);
          if (stale == null || attempt > 0 || !takeOver(fs, file, holder)) {
            throw new DescentException(ExitCodes.FAILURE, flag + ": " + dir
                + " is in use by another run (" + holder.describe() + "; lock file " + file
                + "). Wait for it to end; if that run is dead, delete the lock file (a lock not "
                + "refreshed for " + staleAfterMillis / 1000 + " s is taken over by itself).");
          }
          warn.accept("took over the stale lock " + file + " (" + stale + ")");
        }
      } catch (RuntimeException | IOException e) {
        removeEmpty(fs, created);
        throw e;
      }
    } catch (IOException e) {
      throw new DescentException(ExitCodes.FAILURE, flag + ": cannot lock " + dir + " (lock file "
          + lockFile(target) + "): " + e.getMessage(), e);
    }
  }

  /** Stops the heartbeat and removes the lock file (and the parents the lock created, if empty). */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      Holder now = Holder.read(fs, file);
      if (now != null && owner.get("run").equals(now.fields().get("run"))) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      System.err.println("warning: could not remove the lock file " + file + ": " + e.getMessage());
    }
    removeEmpty(fs, createdParents);
  }

  private void touch() {
    try {
      fs.setTimes(file, System.currentTimeMillis(), -1);
    } catch (IOException | RuntimeException e) {
      // A missed heartbeat only matters after many; the next one tries again.
    }
  }

  private static boolean tryCreate(FileSystem fs, Path file, Map<String, Object> me) throws IOException {
    try (OutputStream out = fs.create(file, false)) {
      out.write(Json.write(me));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // Some file systems report an existing file with a plain IOException.
      if (fs.exists(file)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Moves the stale lock aside, then checks that what moved is the lock judged stale (another
   * run may have taken it over meanwhile: then it is put back and the lock stays busy).
   */
  private static boolean takeOver(FileSystem fs, Path file, Holder stale) throws IOException {
    Path aside = new Path(file.getParent(), file.getName() + ".stale-" + UUID.randomUUID());
    if (!fs.rename(file, aside)) {
      return false;
    }
    Holder moved = Holder.read(fs, aside);
    if (moved == null || !stale.fields().get("run").equals(moved.fields().get("run"))) {
      if (!fs.exists(file)) {
        fs.rename(aside, file);
      }
      return false;
    }
    fs.delete(aside, false);
    return true;
  }

  private static Map<String, Object> identity(String command, Optional<YarnAttempt> yarn) {
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("run", UUID.randomUUID().toString());
    me.put("command", command);
    me.put("host", hostName());
    me.put("pid", ProcessHandle.current().pid());
    me.put("started", Instant.now().toString());
    yarn.ifPresent(a -> me.put("yarnAttempt", a.toString()));
    return me;
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static List<Path> createParents(FileSystem fs, Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !fs.exists(p); p = p.getParent()) {
      missing.add(p);
    }
    if (!missing.isEmpty() && !fs.mkdirs(dir)) {
      throw new IOException("cannot create " + dir);
    }
    return missing;
  }

  /** Deepest first, as collected: a failed run leaves no new empty directory behind. */
  private static void removeEmpty(FileSystem fs, List<Path> created) {
    for (Path p : created) {
      try {
        if (fs.exists(p) && fs.listStatus(p).length == 0) {
          fs.delete(p, false);
        }
      } catch (IOException ignored) {
        // Best effort: an empty directory is no harm.
      }
    }
  }

  /** What a lock file says of its owner, and how old it is. */
  private record Holder(Map<String, Object> fields, long modified) {
    static Holder read(FileSystem fs, Path file) throws IOException {
      try {
        long modified = fs.getFileStatus(file).getModificationTime();
        byte[] bytes;
        try (InputStream in = fs.open(file)) {
          bytes = in.readAllBytes();
        }
        Map<String, Object> fields;
        try {
          fields = Json.readMap(bytes);
        } catch (IOException e) {
          fields = Map.of(); // half-written by an owner that died while creating it
        }
        if (!fields.containsKey("run")) {
          fields = new LinkedHashMap<>(fields);
          fields.put("run", "unreadable-" + modified);
        }
        return new Holder(fields, modified);
      } catch (FileNotFoundException e) {
        return null;
      }
    }

    /** Why the owner is surely gone, or null while it may be alive. */
    String staleReason(long staleAfterMillis, Optional<YarnAttempt> mine) {
      Optional<YarnAttempt> theirs = YarnAttempt.parse(fields.get("yarnAttempt"));
      if (mine.isPresent() && theirs.isPresent() && mine.get().follows(theirs.get())) {
        return "it was YARN's " + theirs.get() + ", which has ended: this is " + mine.get();
      }
      Object pid = fields.get("pid");
      if (hostName().equals(fields.get("host")) && pid instanceof Number) {
        boolean alive = ProcessHandle.of(((Number) pid).longValue())
            .map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          return "its process " + pid + " on this host is gone";
        }
        return null;
      }
      long age = System.currentTimeMillis() - modified;
      return age > staleAfterMillis ? "not refreshed for " + age / 1000 + " s" : null;
    }

    String describe() {
      return fields.get("command") + " on host " + fields.get("host") + ", pid " + fields.get("pid")
          + ", started " + fields.get("started");
    }
  }
}
