package io.descent.cluster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A process this suite started: stdout and stderr go to a log file (kept for post-mortems)
 * and stay searchable while it runs. Every process started here is also killed, with its
 * descendants, when the test JVM exits, so a failed or timed-out run leaves nothing behind.
 */
final class LoggedProcess implements AutoCloseable {
  private static final Set<LoggedProcess> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(LoggedProcess::kill),
        "cluster-it-process-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path log;
  private final List<String> lines = new ArrayList<>();
  private final Thread pump;

  private LoggedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pump = new Thread(this::pumpOutput, name + "-output");
    pump.setDaemon(true);
    pump.start();
  }

  static LoggedProcess start(String name, List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Files.createDirectories(log.getParent());
      LoggedProcess p = new LoggedProcess(name, pb.start(), log);
      RUNNING.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  private void pumpOutput() {
    try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String l; (l = in.readLine()) != null; ) {
        out.write(l);
        out.newLine();
        out.flush();
        synchronized (lines) {
          lines.add(l);
          lines.notifyAll();
        }
      }
    } catch (IOException ignored) {
      // The process died: its output simply ends.
    }
    synchronized (lines) {
      lines.notifyAll();
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code count} output lines match; false if the process ended or time ran out. */
  boolean awaitLines(Predicate<String> match, int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        if (lines.stream().filter(match).count() >= count) {
          return true;
        }
        long left = end - System.nanoTime();
        if (left <= 0 || (!pump.isAlive() && !process.isAlive())) {
          return false;
        }
        lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 500_000_000L))));
      }
    }
  }

  boolean awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
    return awaitLines(match, 1, timeout);
  }

  List<String> lines(Predicate<String> match) {
    synchronized (lines) {
      return lines.stream().filter(match).collect(Collectors.toList());
    }
  }

  /** Waits for the exit code; kills the process and fails if it does not end in time. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError(name + " did not finish in " + timeout.toSeconds() + " s; "
          + describe());
    }
    pump.join(5_000);
    RUNNING.remove(this);
    return process.exitValue();
  }

  /** Closes the process's standard input: the end-of-input signal of a daemon that waits for it. */
  void closeInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Already closed, or the process is gone.
    }
  }

  /** SIGKILL for the process and everything it started: no shutdown hook runs, as when a node dies. */
  void kill() {
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(this);
  }

  /** The log's location and its last lines, for assertion messages. */
  String describe() {
    synchronized (lines) {
      int from = Math.max(0, lines.size() - 40);
      return "log " + log + ", last lines:\n" + String.join("\n", lines.subList(from, lines.size()));
    }
  }

  /** SIGTERM (Spark daemons stop their children on it), then SIGKILL for whatever is left. */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    RUNNING.remove(this);
  }
}
