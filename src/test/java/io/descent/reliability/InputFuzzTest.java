package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.descent.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the input path: valid LIBSVM and CSV files are corrupted at random and
 * `train` runs on each, in this JVM with the shared session. Every case must either train
 * (exit 0, a complete model) or exit 2 with a message naming the file (and its line, for
 * errors tied to one); never another exit code, an uncaught exception, or partial output.
 * The second test does the same for CSV as tools write it (separators, quotes, BOM, CRLF,
 * trailing separators, no header) and for the inputs of `predict` and `evaluate`.
 */
class InputFuzzTest {
  private static final int CASES = Integer.getInteger("descent.fuzz.cases", 2000);
  private static final int DIALECT_CASES = Integer.getInteger("descent.fuzz.dialectCases", 150);
  /** The bound on one run, far above the second or so a case takes. */
  private static final long CASE_SECONDS = 60;
  private static final List<String> LIBSVM = List.of(
      "+1 1:0.708333 2:1 3:1 4:-0.320755 5:-0.105023 6:-1 7:1 8:-0.419847",
      "-1 1:0.583333 2:-1 3:0.333333 4:-0.603774 5:1 6:-1 7:1 8:0.358779",
      "+1 1:0.166667 2:1 3:-0.333333 4:-0.433962 5:-0.383562 6:-1 7:-1 8:0.0687023",
      "-1 1:0.458333 2:1 3:1 4:-0.358491 5:-0.374429 6:-1 7:-1 8:-0.480916",
      "-1 1:0.875 2:-1 3:-0.333333 4:-0.509434 5:-0.347032 6:-1 7:1 8:-0.236641",
      "+1 1:0.5 2:1 3:1 4:-0.509434 5:-0.767123 6:-1 7:-1 8:0.0534351");
  private static final List<String> CSV = List.of("age,bmi,bp,label", "0.5,22.1,80,0",
      "0.25,30.5,95,1", "0.75,27,88,1", "0.1,19.5,70,0", "0.6,25.2,85,1", "0.3,28.8,90,0");

  private static final List<String> OTHER_EXAMPLES =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @TempDir Path tmp;

  /**
   * Runs the cases four at a time in the shared session (as a Spark server runs the jobs of
   * several threads), rethrows the first failed assertion, then checks that no hidden
   * temporary directory was left behind.
   */
  private void runConcurrently(List<java.util.concurrent.Callable<Void>> cases) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (java.util.concurrent.Future<Void> f : pool.invokeAll(cases)) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof AssertionError) {
            throw (AssertionError) e.getCause();
          }
          throw e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")),
          "no temporary directory left behind");
    }
  }

  @Test
  void everyCorruptedInputTrainsOrFailsWithALocatedMessage() throws Exception {
    Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();
    InputCorruptor corruptor = new InputCorruptor(20261124L);
    List<java.util.concurrent.Callable<Void>> cases = new java.util.ArrayList<>();
    for (int c = 0; c < CASES; c++) {
      boolean csv = c % 2 == 1;
      String[] what = new String[1];
      List<String> lines = corruptor.corrupt(csv ? CSV : LIBSVM, what);
      int id = c;
      cases.add(() -> {
        runCase(id, csv, lines, what[0], outcomes);
        return null;
      });
    }
    long started = System.nanoTime();
    runConcurrently(cases);
    System.out.printf("input fuzz: %d cases in %.1f s: %s%n", CASES,
        (System.nanoTime() - started) / 1e9, outcomes);
    OTHER_EXAMPLES.forEach(m -> System.out.println("  e.g. " + m));
  }

  @Test
  void everyDialectAndScoringInputRunsOrFailsWithALocatedMessage() throws Exception {
    Path csvModel = tmp.resolve("csv-model");
    Path libsvmModel = tmp.resolve("libsvm-model");
    Files.write(tmp.resolve("clean.csv"), CSV);
    Files.write(tmp.resolve("clean.libsvm"), LIBSVM);
    for (String[] m : new String[][] {{"clean.csv", csvModel.toString()}, {"clean.libsvm", libsvmModel.toString()}}) {
      CliRun r = CliRun.of("train", "--data", tmp.resolve(m[0]).toString(), "--loss", "logistic",
          "--max-iter", "2", "--partitions", "1", "--output", m[1]);
      assertTrue(r.exitCode() == 0, r.toString());
    }
    Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();
    long[] slowest = new long[1];
    InputCorruptor corruptor = new InputCorruptor(20261202L);
    List<java.util.concurrent.Callable<Void>> cases = new java.util.ArrayList<>();
    for (int c = 0; c < DIALECT_CASES; c++) {
      String command = List.of("train", "predict", "evaluate").get(c % 3);
      boolean libsvm = !command.equals("train") && c % 4 == 0;
      String[] what = new String[1];
      String text;
      List<String> flags = new java.util.ArrayList<>();
      if (libsvm) {
        text = String.join("\n", corruptor.corrupt(LIBSVM, what)) + "\n";
      } else {
        InputCorruptor.Dialect d = corruptor.csvDialect(CSV, what);
        text = d.text();
        what[0] = d.what();
        // Mostly the separator the file uses; now and then none, or the wrong one.
        int told = Math.floorMod(c * 7 + 3, 10);
        char sep = told < 8 ? d.separator() : told == 8 ? ',' : ';';
        if (sep != ',' || told == 9) {
          flags.addAll(List.of("--csv-separator", sep == '\t' ? "tab" : String.valueOf(sep)));
        }
      }
      Scoring run = new Scoring(c, command, libsvm ? libsvmModel : csvModel, libsvm, text, what[0], flags);
      cases.add(() -> {
        run.check(tmp, outcomes, slowest);
        return null;
      });
    }
    long started = System.nanoTime();
    runConcurrently(cases);
    System.out.printf("dialect and scoring fuzz: %d cases in %.1f s (slowest %.1f s): %s%n",
        DIALECT_CASES, (System.nanoTime() - started) / 1e9, slowest[0] / 1e9, outcomes);
    OTHER_EXAMPLES.forEach(m -> System.out.println("  e.g. " + m));
  }

  /** One run of train, predict or evaluate on a fuzzed input, and what its outcome must be. */
  private record Scoring(int c, String command, Path model, boolean libsvm, String text,
      String what, List<String> flags) {

    void check(Path tmp, Map<String, Integer> outcomes, long[] slowest) throws IOException {
      String name = "dialect" + c + (libsvm ? ".libsvm" : ".csv");
      Path data = tmp.resolve(name);
      Files.writeString(data, text);
      Path out = tmp.resolve("out-dialect" + c);
      List<String> args = new java.util.ArrayList<>(List.of(command, "--data", data.toString()));
      switch (command) {
        case "train" -> args.addAll(List.of("--loss", "logistic", "--max-iter", "0",
            "--partitions", "1", "--output", out.toString()));
        case "predict" -> args.addAll(List.of("--model", model.toString(), "--output", out.toString()));
        default -> args.addAll(List.of("--model", model.toString()));
      }
      args.addAll(flags);
      long t0 = System.nanoTime();
      CliRun r = CliRun.of(args.toArray(new String[0]));
      long took = System.nanoTime() - t0;
      synchronized (slowest) {
        slowest[0] = Math.max(slowest[0], took);
      }
      String detail = command + " case " + c + " (" + what + ", flags " + flags + "):\n"
          + text.replace("\r", "\\r").replace("\t", "\\t").replace("\uFEFF", "<BOM>") + "\n" + r;
      assertTrue(took < CASE_SECONDS * 1_000_000_000L, "took " + took / 1e9 + " s: " + detail);
      if (r.exitCode() == 0) {
        if (command.equals("evaluate")) {
          assertTrue(r.out().strip().startsWith("{") && r.out().strip().endsWith("}"), "JSON: " + detail);
        } else {
          assertTrue(Files.exists(out.resolve("_SUCCESS")), detail);
        }
        outcomes.merge(command + " exit 0", 1, Integer::sum);
      } else if (r.exitCode() == 2) {
        // A note about ignored columns may come first; the error is one sentence after it.
        List<String> lines = r.err().strip().lines().filter(l -> !l.startsWith("note: ")).toList();
        assertTrue(lines.size() == 1 && lines.get(0).startsWith("descent: "), "one sentence: " + detail);
        assertTrue(lines.get(0).contains(name), "names the file: " + detail);
        assertTrue(!Files.exists(out), "no partial output: " + detail);
        if (command.equals("evaluate")) {
          assertTrue(r.out().isEmpty(), "nothing on stdout: " + detail);
        }
        outcomes.merge(command + " " + kind(lines.get(0)), 1, Integer::sum);
      } else {
        fail("exit " + r.exitCode() + " for " + detail);
      }
      Files.delete(data);
    }
  }

  private void runCase(int c, boolean csv, List<String> lines, String what,
      Map<String, Integer> outcomes) throws IOException {
    String name = "case" + c + (csv ? ".csv" : ".libsvm");
    Path data = tmp.resolve(name);
    Files.write(data, lines);
    Path out = tmp.resolve("out" + c);
    // The input path is what is fuzzed: no iterations needed beyond the starting point.
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", "logistic",
        "--max-iter", "0", "--partitions", "1", "--output", out.toString());
    String detail = "case " + c + " (" + what + "):\n" + String.join("\n", lines) + "\n" + r;
    if (r.exitCode() == 0) {
      assertTrue(Files.exists(out.resolve("_SUCCESS")), detail);
      outcomes.merge("trained", 1, Integer::sum);
    } else if (r.exitCode() == 2) {
      String msg = r.err().strip();
      assertTrue(msg.startsWith("descent: ") && msg.lines().count() == 1, "one sentence: " + detail);
      assertTrue(msg.contains(name), "names the file: " + detail);
      assertTrue(msg.contains("line ") || msg.contains("no rows") || msg.contains("label"),
          "names the line: " + detail);
      assertTrue(!Files.exists(out), "no partial output: " + detail);
      outcomes.merge(kind(msg), 1, Integer::sum);
    } else {
      fail("exit " + r.exitCode() + " for " + detail);
    }
    Files.delete(data);
  }

  /** A coarse class of the message, for the outcome table. */
  private static String kind(String msg) {
    String m = msg.toLowerCase();
    for (String k : new String[] {"cells", "no rows", "nan", "infin", "separated by", "all numbers",
        "appears twice", "not the model's", "label", "index", "not a number", "column",
        "increasing", "token"}) {
      if (m.contains(k)) {
        return "exit 2: " + k;
      }
    }
    if (OTHER_EXAMPLES.size() < 12) {
      OTHER_EXAMPLES.add(msg);
    }
    return "exit 2: other";
  }
}
