package io.descent.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code io.descent.cli.Main} in a JVM of its own, as spark-submit or bin/descent would run
 * it: for tests that kill the driver, or that need another master than the shared session.
 */
public final class DescentProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Thread pump;

  private DescentProcess(Process process) {
    this.process = process;
    pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          all.add(l);
          lines.add(l);
        }
      } catch (IOException ignored) {
        // The process was killed: its output simply ends.
      }
    }, "descent-process-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@code Main} with these arguments; stderr is merged into the output. */
  public static DescentProcess start(String... args) {
    return startWithHeap("1g", args);
  }

  /** The same with this -Xmx, as DESCENT_DRIVER_MEMORY gives bin/descent. */
  public static DescentProcess startWithHeap(String heap, String... args) {
    return startWithOptions(List.of("-Xmx" + heap), args);
  }

  /** With these JVM options (e.g. -Xmx, -D of a test switch) before the project's own. */
  public static DescentProcess startWithOptions(List<String> options, String... args) {
    return startMain(options, "io.descent.cli.Main", args);
  }

  /** Any main class of the test classpath in a JVM of its own (a new JVM reading what this one saved). */
  public static DescentProcess startMain(String heap, String mainClass, String... args) {
    return startMain(List.of("-Xmx" + heap), mainClass, args);
  }

  private static DescentProcess startMain(List<String> options, String mainClass,
      String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(options);
    cmd.addAll(jvmOptions());
    cmd.add("-Dlog4j2.configurationFile=" + Paths.get("conf/log4j2.properties").toAbsolutePath());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      return new DescentProcess(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> jvmOptions() {
    try {
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(Path.of("conf/jvm-options"))) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for an output line that matches; false if the process ended or time ran out. */
  public boolean awaitLine(Predicate<String> match, long timeoutSeconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < end) {
      String l = lines.poll(200, TimeUnit.MILLISECONDS);
      if (l != null && match.test(l)) {
        return true;
      }
      if (l == null && !process.isAlive() && lines.isEmpty()) {
        return false;
      }
    }
    return false;
  }

  /** SIGKILL: no shutdown hook, no finally block runs, as when a node dies. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * SIGTERM, as a scheduler sends on timeout or a Kubernetes pod on deletion. Sent with
   * kill(1): Process.destroy() would also close our end of its output.
   */
  public void terminate() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).inheritIO().start().waitFor();
  }

  /** Waits for the exit code. */
  public int waitFor(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("descent did not finish in " + timeoutSeconds + " s:\n" + output());
    }
    pump.join(10_000); // the last lines may still be in the pipe when the process has ended
    return process.exitValue();
  }

  public String output() {
    synchronized (all) {
      return String.join("\n", all);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
