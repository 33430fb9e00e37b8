package io.descent.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;

/** What the cluster ITs share about a training run: its flags, its progress lines, its output. */
final class ClusterRuns {
  private static final Pattern ITER = Pattern.compile("^iter\\s+(\\d+)\\s");
  static final int MAX_ITER = 20;
  /**
   * a9a, 20 armijo iterations without early stop, 4 partitions: about 2x the cores of two
   * one-core executors, as deploy/README.md advises. The same flags train the local reference.
   */
  static final List<String> TRAINING = List.of("--loss", "logistic",
      "--reg", "0.01", "--optimizer", "armijo", "--max-iter", String.valueOf(MAX_ITER),
      "--tol", "0", "--grad-tol", "0", "--partitions", "4");

  private static Path reference;

  private ClusterRuns() {}

  /**
   * The local-mode model of a9a with {@link #TRAINING} (local[4], the shared session), which
   * every cluster run must equal bit for bit: trained once per test JVM, for all cluster ITs.
   */
  static synchronized Path localReference() {
    if (reference == null) {
      Path dir = Paths.get("target", "cluster-reference").toAbsolutePath();
      deleteRecursively(dir);
      long t0 = System.nanoTime();
      Path model = dir.resolve("local-model");
      CliRun run = CliRun.of(train("--data", Datasets.shared("a9a").toString(),
          "--output", model.toString()));
      if (run.exitCode() != 0) {
        throw new IllegalStateException("the local-mode reference failed: " + run);
      }
      report("cluster-reference", "local-mode reference (local[4], 4 partitions) trained in %.1f s",
          seconds(t0));
      reference = model;
    }
    return reference;
  }

  /** {@code train} + {@link #TRAINING} + more. */
  static String[] train(String... more) {
    List<String> all = new ArrayList<>(List.of("train"));
    all.addAll(TRAINING);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  /** {@link #TRAINING} + more: the arguments of a deploy script, which adds {@code train}. */
  static List<String> flags(String... more) {
    List<String> all = new ArrayList<>(TRAINING);
    all.addAll(List.of(more));
    return all;
  }

  /** The iteration a progress line reports, or -1. */
  static int iteration(String line) {
    Matcher m = ITER.matcher(line);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  static int lastIteration(List<String> lines) {
    return lines.stream().mapToInt(ClusterRuns::iteration).max().orElse(-1);
  }

  /** Copies a directory from a Hadoop file system into {@code local}, to read it with ModelFiles. */
  static Path fetch(FileSystem fs, String path, Path local) throws IOException {
    Files.createDirectories(local.getParent());
    fs.copyToLocalFile(new org.apache.hadoop.fs.Path(path), new org.apache.hadoop.fs.Path(local.toUri()));
    return local;
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Figures for the record: one line each, easy to find in the failsafe output. */
  static void report(String tag, String format, Object... values) {
    System.out.println("[" + tag + "] " + String.format(format, values));
  }

  static void deleteRecursively(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
