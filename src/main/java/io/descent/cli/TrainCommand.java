package io.descent.cli;

import io.descent.config.ConfigKeys;
import io.descent.config.Settings;
import io.descent.config.TrainConfig;
import io.descent.report.ProgressBar;
import io.descent.train.StopRequest;
import io.descent.train.Trainer;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code descent train}: its flags are the keys of {@link ConfigKeys}, plus --conf and --verbose. */
final class TrainCommand {
  private final ParseResult parsed;
  private final PrintStream out;
  private final PrintStream err;
  private final SparkSession given;

  TrainCommand(ParseResult parsed, PrintStream out, PrintStream err, SparkSession given) {
    this.parsed = parsed;
    this.out = out;
    this.err = err;
    this.given = given;
  }

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("train").mixinStandardHelpOptions(true);
    spec.usageMessage().description("Train a linear model by distributed gradient descent.");
    spec.addOption(ConfOption.spec("Keys as these flags without --, or Spark ML's param names"
        + " (regParam, elasticNetParam, maxIter, …). Flags override it."));
    spec.addOption(OptionSpec.builder("--verbose").arity("0").type(boolean.class)
        .description("Spark's INFO logs and stack traces on errors.").build());
    for (ConfigKeys.Key key : ConfigKeys.ALL) {
      OptionSpec.Builder b = OptionSpec.builder("--" + key.name()).type(String.class)
          .paramLabel(key.name().toUpperCase().replace('-', '_'))
          .description(key.description()
              + (key.defaultValue() == null ? "" : " Default: " + key.defaultValue() + "."));
      if (key.name().equals("overwrite")) {
        b.arity("0..1").fallbackValue("true").paramLabel("true|false");
      }
      spec.addOption(b.build());
    }
    return spec;
  }

  void run() {
    Settings settings = ConfOption.read(parsed);
    for (ConfigKeys.Key key : ConfigKeys.ALL) {
      if (parsed.hasMatchedOption("--" + key.name())) {
        settings.putFlag(key.name(), parsed.matchedOptionValue("--" + key.name(), null));
      }
    }
    TrainConfig config = TrainConfig.from(settings);
    boolean verbose = parsed.hasMatchedOption("--verbose");
    Logging.configure(verbose);
    SparkSession spark = given != null ? given
        : SparkSessions.create(config.run().master(), config.run().sparkConf());
    // A process of its own stops gracefully on SIGTERM/SIGINT; a session lent by a caller
    // (tests, an embedding application) keeps its signals to itself.
    try (SignalStop stop = given == null ? SignalStop.install() : null) {
      new Trainer(spark, config, out, progressBar(config),
          stop == null ? StopRequest.NEVER : stop).run();
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }

  /** A progress bar on stderr when a person is watching a terminal; none when piped or logged. */
  private ProgressBar progressBar(TrainConfig config) {
    int budget = config.run().maxIter();
    return System.console() != null && budget > 0 ? new ProgressBar(err, budget) : null;
  }
}
