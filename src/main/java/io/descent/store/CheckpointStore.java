package io.descent.store;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import io.descent.report.Json;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checkpoints as directories {@code step-00000042/} on any Hadoop FileSystem: a versioned
 * JSON document (state.json), the vectors as little-endian doubles (vectors.bin), the CRC32C
 * of both (checksums.json) and _SUCCESS, published by one rename. Never Java serialization:
 * a checkpoint is data. The newest one whose checksums verify is the one resumed; damaged
 * ones are reported and skipped; one in another format version is refused, never guessed at.
 *
 * <p>Rows that only grow (the training history) are not rewritten by every checkpoint: each
 * save appends the new ones to a {@link RowChain} under {@code history/}, and state.json
 * links to the chain's head.
 */
public final class CheckpointStore {
  /** Version 2: the history as a chain of appended segments (version 1 rewrote it whole). */
  public static final String FORMAT = "descent-checkpoint/2";
  static final String HISTORY = "history";
  static final String STATE = "state.json";
  static final String VECTORS = "vectors.bin";
  static final String CHECKSUMS = "checksums.json";
  private static final String PREFIX = "step-";

  /**
   * A checkpoint as read back: its iteration, its metadata, its named vectors and every row
   * appended up to it, oldest first.
   */
  public record Stored(int iteration, Map<String, Object> meta, Map<String, double[]> vectors,
      List<Map<String, Object>> rows) {}

  /** A checkpoint whose checksums verify but whose format this version does not read. */
  private static final class OtherFormatException extends Exception {
    OtherFormatException(String message) {
      super(message);
    }
  }

  private final Configuration conf;
  private final String dir;
  private final int keep;
  private final Consumer<String> warn;
  private final AtomicDirectoryWriter writer;
  private final RowChain history;
  /** The last segment of rows saved or read back; the next save links to it. */
  private RowChain.Link head;

  public CheckpointStore(Configuration conf, String dir, int keep, Consumer<String> warn) {
    this.conf = conf;
    this.dir = dir;
    this.keep = keep;
    this.warn = warn;
    this.writer = new AtomicDirectoryWriter(conf);
    this.history = new RowChain(conf, new Path(dir, HISTORY), writer);
  }

  /** Fails fast when the directory cannot be written. */
  public void preflight() {
    writer.preflight(new Path(dir, ".probe").toString(), true, "--checkpoint-dir");
  }

  /** Saves one checkpoint atomically, then keeps only the newest {@code keep}. */
  public void save(int iteration, Map<String, Object> meta, Map<String, double[]> vectors) {
    save(iteration, meta, vectors, List.of());
  }

  /**
   * Saves one checkpoint with the rows added since the last save (or the checkpoint
   * resumed): they are appended, the earlier ones are not written again.
   */
  public void save(int iteration, Map<String, Object> meta, Map<String, double[]> vectors,
      List<Map<String, Object>> newRows) {
    if (!newRows.isEmpty()) {
      head = history.append(head, iteration, newRows);
    }
    RowChain.Link rows = head;
    CRC32C vectorsCrc = DoubleArrays.crc();
    long[] vectorsBytes = new long[1];
    byte[][] stateBytes = new byte[1][];
    Map<String, AtomicDirectoryWriter.Content> files = new LinkedHashMap<>();
    files.put(VECTORS, out -> {
      for (double[] v : vectors.values()) {
        DoubleArrays.write(v, out, vectorsCrc);
        vectorsBytes[0] += 8L * v.length;
      }
    });
    files.put(STATE, out -> {
      stateBytes[0] = Json.write(stateDocument(iteration, meta, vectors, vectorsBytes[0],
          vectorsCrc.getValue(), rows));
      out.write(stateBytes[0]);
    });
    files.put(CHECKSUMS, out -> {
      CRC32C stateCrc = DoubleArrays.crc();
      stateCrc.update(stateBytes[0]);
      Map<String, Object> sums = new LinkedHashMap<>();
      sums.put(STATE, Map.of("bytes", stateBytes[0].length, "crc32c", stateCrc.getValue()));
      sums.put(VECTORS, Map.of("bytes", vectorsBytes[0], "crc32c", vectorsCrc.getValue()));
      out.write(Json.write(sums));
    });
    writer.writeStreams(new Path(dir, name(iteration)).toString(), files, true);
    prune();
  }

  private static Map<String, Object> stateDocument(int iteration, Map<String, Object> meta,
      Map<String, double[]> vectors, long bytes, long crc, RowChain.Link rows) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("iteration", iteration);
    List<Map<String, Object>> layout = new ArrayList<>();
    for (Map.Entry<String, double[]> v : vectors.entrySet()) {
      layout.add(Map.of("name", v.getKey(), "length", v.getValue().length));
    }
    doc.put("vectors", layout);
    doc.put("vectorsBytes", bytes);
    doc.put("vectorsCrc32c", crc);
    doc.put(HISTORY, rows == null ? null : rows.toJson());
    doc.put("meta", meta);
    return doc;
  }

  /**
   * The newest checkpoint that verifies; damaged ones are reported through {@code warn}. One
   * written in another format version is refused (exit 2): this version cannot continue it.
   */
  public Optional<Stored> latestValid() {
    List<Path> steps = steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      Path p = steps.get(i);
      try {
        return Optional.of(read(p));
      } catch (OtherFormatException e) {
        throw new BadInputException("The checkpoint " + p.getName() + " in " + dir + " "
            + e.getMessage() + ", which this version of Descent cannot continue from; use "
            + "--resume never to start over, or a new --checkpoint-dir.");
      } catch (IOException | RuntimeException e) {
        warn.accept("checkpoint " + p + " is damaged (" + e.getMessage()
            + "); skipping it for an older one.");
      }
    }
    return Optional.empty();
  }

  /**
   * Removes the hidden temporary step directories a killed run left; call it holding the
   * directory's {@link DirectoryLock}. Returns one line per removal, for the log.
   */
  public List<String> removeLeftovers() {
    List<String> done = new ArrayList<>();
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return done;
      }
      for (FileStatus s : fs.listStatus(root)) {
        if (s.getPath().getName().matches("\\." + PREFIX + "\\d{8}\\.(tmp|old)-.*")) {
          fs.delete(s.getPath(), true);
          done.add("removed " + s.getPath() + ", left by a killed run");
        }
      }
    } catch (IOException e) {
      done.add("could not clean what killed runs left in " + dir + ": " + e.getMessage());
    }
    return done;
  }

  /** Removes every checkpoint: a run told not to resume starts a fresh series. */
  public void clear() {
    try {
      FileSystem fs = new Path(dir).getFileSystem(conf);
      for (Path p : steps()) {
        fs.delete(p, true);
      }
      history.clear();
      head = null;
    } catch (IOException e) {
      throw new DescentException(ExitCodes.FAILURE, "Cannot clear " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Checkpoint directories, oldest first (the zero-padded names sort by iteration). */
  public List<Path> steps() {
    List<Path> out = new ArrayList<>();
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(root)) {
        if (s.isDirectory() && s.getPath().getName().matches(PREFIX + "\\d{8}")) {
          out.add(s.getPath());
        }
      }
    } catch (IOException e) {
      throw new DescentException(ExitCodes.FAILURE, "Cannot list " + dir + ": " + e.getMessage(), e);
    }
    out.sort((a, b) -> a.getName().compareTo(b.getName()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private Stored read(Path step) throws IOException, OtherFormatException {
    FileSystem fs = step.getFileSystem(conf);
    if (!fs.exists(new Path(step, AtomicDirectoryWriter.SUCCESS))) {
      throw new IOException("no _SUCCESS");
    }
    Map<String, Object> sums = Json.readMap(readAll(fs, new Path(step, CHECKSUMS)));
    byte[] stateBytes = readAll(fs, new Path(step, STATE));
    Map<String, Object> stateSum = (Map<String, Object>) sums.get(STATE);
    CRC32C crc = DoubleArrays.crc();
    crc.update(stateBytes);
    if (((Number) stateSum.get("bytes")).longValue() != stateBytes.length
        || ((Number) stateSum.get("crc32c")).longValue() != crc.getValue()) {
      throw new IOException(STATE + " does not match its checksum");
    }
    Map<String, Object> doc = Json.readMap(stateBytes);
    if (!FORMAT.equals(doc.get("format"))) {
      throw new OtherFormatException("is in format " + doc.get("format") + ", not " + FORMAT);
    }
    Map<String, double[]> vectors = new LinkedHashMap<>();
    CRC32C vcrc = DoubleArrays.crc();
    try (InputStream raw = fs.open(new Path(step, VECTORS));
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      for (Map<String, Object> v : (List<Map<String, Object>>) doc.get("vectors")) {
        int length = ((Number) v.get("length")).intValue();
        vectors.put((String) v.get("name"), DoubleArrays.read(in, length, vcrc));
      }
      DoubleArrays.requireEnd(in);
    } catch (java.io.EOFException e) {
      throw new IOException(VECTORS + " is truncated");
    }
    Map<String, Object> vectorSum = (Map<String, Object>) sums.get(VECTORS);
    if (((Number) vectorSum.get("crc32c")).longValue() != vcrc.getValue()
        || ((Number) doc.get("vectorsCrc32c")).longValue() != vcrc.getValue()) {
      throw new IOException(VECTORS + " does not match its checksum");
    }
    int iteration = ((Number) doc.get("iteration")).intValue();
    RowChain.Link rows = RowChain.Link.fromJson(doc.get(HISTORY));
    Stored stored = new Stored(iteration, (Map<String, Object>) doc.get("meta"), vectors,
        history.read(rows));
    head = rows;
    return stored;
  }

  private static byte[] readAll(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return in.readAllBytes();
    }
  }

  private void prune() {
    List<Path> steps = steps();
    try {
      FileSystem fs = new Path(dir).getFileSystem(conf);
      for (int i = 0; i < steps.size() - keep; i++) {
        fs.delete(steps.get(i), true);
      }
    } catch (IOException e) {
      warn.accept("could not remove an old checkpoint: " + e.getMessage());
    }
  }

  public static String name(int iteration) {
    return String.format("%s%08d", PREFIX, iteration);
  }
}
