package io.descent.cli;

import io.descent.DescentException;
import io.descent.PrintableText;
import io.descent.ExitCodes;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code descent train|predict|evaluate|bench|check|promote}: the entry point of bin/descent
 * and of {@code spark-submit --class io.descent.cli.Main}. Exit codes: {@link ExitCodes}
 * (printed by --help). Errors are one sentence; stack traces only with --verbose.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    ProcessEnd.exit(execute(args, System.out, System.err, null));
  }

  /**
   * Runs a command and returns its exit code instead of exiting. With a non-null
   * {@code session} the command runs in it (and leaves it open); otherwise it creates one.
   */
  public static int execute(String[] args, PrintStream out, PrintStream err, SparkSession session) {
    CommandLine root = commandLine();
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    ParseResult parsed;
    try {
      parsed = root.parseArgs(args);
    } catch (ParameterException e) {
      err.println("descent: " + PrintableText.of(e.getMessage(), true));
      err.println("Run 'descent " + commandName(e) + "--help' for the options.");
      return ExitCodes.BAD_INPUT;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return ExitCodes.OK;
    }
    if (!parsed.hasSubcommand()) {
      root.usage(err);
      return ExitCodes.BAD_INPUT;
    }
    ParseResult sub = parsed.subcommand();
    boolean verbose = sub.hasMatchedOption("--verbose") && (Boolean) sub.matchedOptionValue("--verbose", false);
    switch (sub.commandSpec().name()) {
      case "train":
        return guarded(err, verbose, () -> new TrainCommand(sub, out, err, session).run());
      case "predict":
        return guarded(err, verbose, () -> new PredictCommand(sub, out, err, session).run());
      case "evaluate":
        return guarded(err, verbose, () -> new EvaluateCommand(sub, out, err, session).run());
      case "bench":
        return guarded(err, verbose, () -> new BenchCommand(sub, out, session).run());
      case "check":
        return guarded(err, verbose, () -> new CheckCommand(sub, out, err, session).run());
      case "promote":
        return guarded(err, verbose, () -> new PromoteCommand(sub, out, err, session).run());
      default:
        root.usage(err);
        return ExitCodes.BAD_INPUT;
    }
  }

  static CommandLine commandLine() {
    CommandSpec spec = CommandSpec.create().name("descent").mixinStandardHelpOptions(true)
        .version("descent 0.1.0");
    spec.usageMessage().description(
        "Distributed gradient descent for linear models on Apache Spark.")
        .footer("", ExitCodes.CONTRACT);
    CommandLine root = new CommandLine(spec);
    root.addSubcommand("train", new CommandLine(TrainCommand.spec()));
    root.addSubcommand("predict", new CommandLine(PredictCommand.spec()));
    root.addSubcommand("evaluate", new CommandLine(EvaluateCommand.spec()));
    root.addSubcommand("bench", new CommandLine(BenchCommand.spec()));
    root.addSubcommand("check", new CommandLine(CheckCommand.spec()));
    root.addSubcommand("promote", new CommandLine(PromoteCommand.spec()));
    // A flag given twice takes its last value, so wrapper scripts can append overrides.
    root.setOverwrittenOptionsAllowed(true);
    return root;
  }

  private static String commandName(ParameterException e) {
    String name = e.getCommandLine().getCommandName();
    return "descent".equals(name) ? "" : name + " ";
  }

  /** Runs a command, turning every failure into its exit code and one line on stderr. */
  static int guarded(PrintStream err, boolean verbose, Command command) {
    try {
      command.run();
      return ExitCodes.OK;
    } catch (Throwable t) {
      DescentException known = findCause(t, DescentException.class);
      if (verbose) {
        t.printStackTrace(err);
      }
      if (known != null) {
        err.println("descent: " + PrintableText.of(known.getMessage(), true));
        return known.exitCode();
      }
      err.println("descent: failed: " + PrintableText.of(describe(t), true)
          + (verbose ? "" : " (run with --verbose for the stack trace)"));
      return ExitCodes.FAILURE;
    }
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }

  static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** A command body. */
  @FunctionalInterface
  interface Command {
    void run() throws Exception;
  }
}
