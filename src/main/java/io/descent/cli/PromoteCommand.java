package io.descent.cli;

import io.descent.BadInputException;
import io.descent.ExitCodes;
import io.descent.data.source.CsvSeparator;
import io.descent.data.source.InputSpec;
import io.descent.gate.Promotion;
import io.descent.report.Json;
import io.descent.stats.PairedBootstrap;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code descent promote}: points MODELS/latest at the candidate unless it is worse than the
 * champion; prints promotion.json; exits 6 when it is not promoted.
 */
final class PromoteCommand {
  private final ParseResult parsed;
  private final PrintStream out;
  private final PrintStream err;
  private final SparkSession given;

  PromoteCommand(ParseResult parsed, PrintStream out, PrintStream err, SparkSession given) {
    this.parsed = parsed;
    this.out = out;
    this.err = err;
    this.given = given;
  }

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("promote").mixinStandardHelpOptions(true);
    spec.usageMessage().description("Score a candidate model and the champion (the version"
        + " MODELS/latest names) on the same held-out data in one Spark job, and point latest at"
        + " the candidate unless it is worse by more than --max-regression with the interval's"
        + " confidence (a paired bootstrap over rows). Writes promotion.json in the candidate's"
        + " directory either way. With no champion yet, the candidate is promoted.")
        .footer("", ExitCodes.CONTRACT);
    spec.addOption(ScoringOptions.option("--candidate", "DIR", "The new model: a version directory directly inside --models.", true));
    spec.addOption(ScoringOptions.option("--models", "MODELS", "The folder of the model versions and of latest.", true));
    spec.addOption(ScoringOptions.option("--data", "PATH", "Held-out labelled data, in a format train reads.", true));
    spec.addOption(ScoringOptions.option("--format", "FORMAT", "libsvm, csv or parquet; default: from the file name.", false));
    spec.addOption(ScoringOptions.option("--label-col", "C", "CSV/Parquet label column; default as for evaluate.", false));
    spec.addOption(ScoringOptions.option("--csv-separator", "C", "CSV: the character between cells; default a comma.", false));
    spec.addOption(ScoringOptions.option("--features-col", "C", "Parquet vector column; default as for evaluate.", false));
    spec.addOption(ScoringOptions.option("--metric", "M", "loss (default: the model's own loss, lower is better),"
        + " accuracy (classifiers) or rmse (regression).", false));
    spec.addOption(ScoringOptions.option("--max-regression", "X", "How much worse in the metric the"
        + " candidate may be; default 0.", false));
    spec.addOption(ScoringOptions.option("--confidence", "C", "Of the interval; default 0.95.", false));
    spec.addOption(ScoringOptions.option("--bootstrap", "N", "Bootstrap replicates; default "
        + PairedBootstrap.DEFAULT_REPLICATES + ".", false));
    spec.addOption(ScoringOptions.option("--seed", "N", "Seed of the bootstrap; default 1.", false));
    spec.addOption(ScoringOptions.option("--master", "M", "Spark master; default: the one spark-submit gives, else local[*].", false));
    spec.addOption(OptionSpec.builder("--verbose").arity("0").type(boolean.class)
        .description("Spark's INFO logs and stack traces on errors.").build());
    return spec;
  }

  void run() {
    Logging.configure(ScoringOptions.verbose(parsed));
    Promotion.Settings settings = new Promotion.Settings(ScoringOptions.value(parsed, "--metric"),
        number("--max-regression", 0, 0, Double.MAX_VALUE), number("--confidence", 0.95, 0.5, 1),
        (int) number("--bootstrap", PairedBootstrap.DEFAULT_REPLICATES, 2, 100_000),
        (long) number("--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
    InputSpec holdout = new InputSpec(ScoringOptions.value(parsed, "--data"),
        ScoringOptions.value(parsed, "--format"), ScoringOptions.value(parsed, "--label-col"), null,
        ScoringOptions.value(parsed, "--features-col"), null,
        CsvSeparator.parse(ScoringOptions.value(parsed, "--csv-separator"), "--csv-separator"));
    SparkSession spark = given != null ? given : SparkSessions.create(ScoringOptions.master(parsed), Map.of());
    try {
      Map<String, Object> record = new Promotion(spark, err::println).run(
          ScoringOptions.value(parsed, "--candidate"), ScoringOptions.value(parsed, "--models"),
          holdout, settings);
      out.print(new String(Json.write(record), StandardCharsets.UTF_8));
      out.flush();
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }

  /** A flag's number in [min, max) (the bootstrap count and seed as whole numbers). */
  private double number(String flag, double fallback, double min, double max) {
    String v = ScoringOptions.value(parsed, flag);
    if (v == null) {
      return fallback;
    }
    try {
      double x = flag.equals("--bootstrap") || flag.equals("--seed") ? Long.parseLong(v) : Double.parseDouble(v);
      if (x >= min && x < max) {
        return x;
      }
    } catch (NumberFormatException ignored) {
      // Reported below.
    }
    throw new BadInputException(flag + " " + v + " is not a number in [" + min + ", " + max + ")");
  }
}
