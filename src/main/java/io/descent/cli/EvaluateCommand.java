package io.descent.cli;

import io.descent.config.Settings;
import io.descent.model.LinearModel;
import io.descent.predict.Evaluator;
import io.descent.report.Json;
import io.descent.store.ModelStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code descent evaluate}: metrics of a model on labelled data, printed as JSON on stdout. */
final class EvaluateCommand {
  private final ParseResult parsed;
  private final PrintStream out;
  private final PrintStream err;
  private final SparkSession given;

  EvaluateCommand(ParseResult parsed, PrintStream out, PrintStream err, SparkSession given) {
    this.parsed = parsed;
    this.out = out;
    this.err = err;
    this.given = given;
  }

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("evaluate").mixinStandardHelpOptions(true);
    spec.usageMessage().description("Print a model's metrics on labelled data as JSON.");
    ScoringOptions.addTo(spec);
    spec.addOption(ConfOption.spec("Only spark.* keys apply here."));
    return spec;
  }

  void run() {
    Settings conf = ConfOption.sparkOnly(parsed, "evaluate");
    Logging.configure(ScoringOptions.verbose(parsed));
    SparkSession spark = given != null ? given : SparkSessions.create(ScoringOptions.master(parsed), conf.sparkConf());
    try {
      LinearModel model = new ModelStore(spark.sparkContext().hadoopConfiguration())
          .read(ScoringOptions.model(parsed), "--model");
      Map<String, Object> result = new Evaluator(spark, n -> err.println("note: " + n)).run(model, ScoringOptions.input(parsed));
      out.print(new String(Json.write(result), StandardCharsets.UTF_8));
      out.flush();
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }
}
