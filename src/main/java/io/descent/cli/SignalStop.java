package io.descent.cli;

import io.descent.train.StopRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first SIGTERM or SIGINT of a training process into a {@link StopRequest}: the
 * run stops at the end of the iteration in flight, keeps a checkpoint and exits with 143 (or
 * 130). Without this the JVM's shutdown hooks stop Spark under the running pass and the run
 * ends with "SparkContext has been shutdown". A second signal is handled as before (the
 * JVM exits at once), so an impatient person or scheduler is never ignored.
 */
final class SignalStop implements StopRequest, AutoCloseable {
  private static final String[] SIGNALS = {"TERM", "INT"};

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile String received;

  private SignalStop() {}

  static SignalStop install() {
    SignalStop stop = new SignalStop();
    for (String name : SIGNALS) {
      Signal signal = new Signal(name);
      try {
        stop.previous.put(signal, Signal.handle(signal, stop::handle));
      } catch (IllegalArgumentException e) {
        // The JVM keeps this signal for itself (e.g. under -Xrs): leave it be.
      }
    }
    return stop;
  }

  private void handle(Signal signal) {
    if (received == null) {
      received = "SIG" + signal.getName();
      System.err.println("descent: " + received + " received; stopping after the iteration in "
          + "flight (send it again to exit at once)");
      return;
    }
    SignalHandler before = previous.get(signal);
    if (before == SignalHandler.SIG_DFL || before == null) {
      System.exit(exitCode());
    } else if (before != SignalHandler.SIG_IGN) {
      before.handle(signal);
    }
  }

  @Override
  public String signal() {
    return received;
  }

  /** Puts the handlers back: outside training a signal does what it did before. */
  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
