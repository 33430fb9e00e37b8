package io.descent.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code descent bench --fork}: each contender in a JVM of its own with the heap given, so
 * that one running out of memory is a line of the table ("failed: OutOfMemoryError") rather
 * than the end of the benchmark, and each one's peak heap is its own. In local mode driver and
 * executors share that JVM, so the peak is theirs together.
 */
final class ForkedBench {
  private static final Pattern DATASET = Pattern.compile("^(.+): [\\d,]+ rows x [\\d,]+ features$");
  private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| ([\\d.]+) \\| ([\\d.]+) \\| .*\\|$");
  private static final Pattern PEAK = Pattern.compile("^peak heap: ([\\d.]+) GB live after collections, ([\\d.]+) GB");

  /** One contender on one dataset, or its failure. */
  record Outcome(String method, double secondsPerIteration, double passes, double peakLive,
      double peakUsed, String failure) {}

  private ForkedBench() {}

  /**
   * @param childArgs the bench arguments every child gets (without --fork, --heap, --methods)
   */
  static void run(List<String> childArgs, List<String> methods, String heap, PrintStream out)
      throws IOException, InterruptedException {
    Map<String, List<Outcome>> byDataset = new LinkedHashMap<>();
    for (String method : methods) {
      out.printf(Locale.ROOT, "forking a %s JVM for %s ...%n", heap, method);
      List<String> command = command(childArgs, method, heap);
      File err = File.createTempFile("descent-bench-", ".err");
      try {
        Process p = new ProcessBuilder(command).redirectError(err).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            out.println("    " + line);
            lines.add(line);
          }
        }
        int exit = p.waitFor();
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        collect(method, lines, exit, stderr, byDataset);
      } finally {
        Files.deleteIfExists(err.toPath());
      }
    }
    for (Map.Entry<String, List<Outcome>> e : byDataset.entrySet()) {
      out.printf(Locale.ROOT, "%n%s, each contender in its own JVM with -Xmx%s:%n%n", e.getKey(), heap);
      out.print(table(e.getValue()));
    }
  }

  private static List<String> command(List<String> childArgs, String method, String heap) {
    List<String> c = new ArrayList<>();
    c.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-Xmx") && !a.startsWith("-Xms") && !a.startsWith("-XX:MaxHeapSize")) {
        c.add(a);
      }
    }
    c.add("-Xmx" + heap);
    // A clean, recognisable death instead of a JVM limping on after a failed allocation.
    c.add("-XX:+ExitOnOutOfMemoryError");
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add("io.descent.cli.Main");
    c.add("bench");
    c.addAll(childArgs);
    c.add("--methods");
    c.add(method);
    return c;
  }

  /** Reads the child's tables; a dataset it never finished gets the failure. */
  static void collect(String method, List<String> lines, int exit, String stderr,
      Map<String, List<Outcome>> byDataset) {
    String dataset = null;
    Outcome row = null;
    String[] lastRow = {null};
    for (String line : lines) {
      Matcher d = DATASET.matcher(line);
      Matcher m = ROW.matcher(line);
      Matcher peak = PEAK.matcher(line);
      if (d.matches()) {
        dataset = d.group(1);
        byDataset.computeIfAbsent(dataset, k -> new ArrayList<>());
      } else if (peak.find() && row == null) {
        row = new Outcome(method, Double.NaN, Double.NaN, Double.parseDouble(peak.group(1)),
            Double.parseDouble(peak.group(2)), null);
      } else if (m.matches() && dataset != null && row != null && !m.group(1).equals("method")) {
        lastRow[0] = m.group(1);
        byDataset.get(dataset).add(new Outcome(m.group(1), Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)), row.peakLive(), row.peakUsed(), null));
        row = null;
      }
    }
    if (exit != 0) {
      // -XX:+ExitOnOutOfMemoryError reports on stdout, a task's OOM in Spark's log on stderr.
      boolean oom = stderr.contains("OutOfMemoryError")
          || lines.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
      String why = oom ? "OutOfMemoryError" : "exit " + exit + lastLine(stderr);
      // The child names a dataset once it is loaded: dying after a finished line means it
      // died loading the next one.
      String at = dataset == null ? "(before any data)"
          : byDataset.get(dataset).stream().anyMatch(o -> o.method().equals(lastRow[0]))
              ? "(the dataset after " + dataset + ")" : dataset;
      byDataset.computeIfAbsent(at, k -> new ArrayList<>())
          .add(new Outcome(method, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why));
    }
  }

  /** The child's error line (Descent prints "error: ..."), else its last line. */
  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    for (String l : lines) {
      if (l.startsWith("error")) {
        return ": " + l;
      }
    }
    return lines[lines.length - 1].isBlank() ? "" : ": " + lines[lines.length - 1];
  }

  static String table(List<Outcome> rows) {
    double descent = rows.stream().filter(o -> o.method().equals("Descent gd"))
        .mapToDouble(Outcome::secondsPerIteration).findFirst().orElse(Double.NaN);
    StringBuilder s = new StringBuilder("| method | s/iter | passes/iter | time / Descent gd's "
        + "| heap live after GC, peak GB | heap in use, sampled peak GB |\n| --- | --- | --- | --- | --- | --- |\n");
    for (Outcome o : rows) {
      if (o.failure() != null) {
        s.append(String.format(Locale.ROOT, "| %s | failed: %s | | | | |%n", o.method(), o.failure()));
      } else {
        s.append(String.format(Locale.ROOT, "| %s | %.4f | %.2f | %.2f | %.2f | %.2f |%n", o.method(),
            o.secondsPerIteration(), o.passes(), o.secondsPerIteration() / descent, o.peakLive(),
            o.peakUsed()));
      }
    }
    return s.toString();
  }
}
