package io.descent.cli;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import io.descent.gate.DataCheck;
import io.descent.model.LinearModel;
import io.descent.profile.DriftReport;
import io.descent.profile.DriftThresholds;
import io.descent.report.DriftHtml;
import io.descent.report.Json;
import io.descent.store.AtomicFile;
import io.descent.store.ModelStore;
import java.io.PrintStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code descent check}: new data against the profile a model recorded. Writes drift.json
 * and drift.html to --output either way; exits 5 on drift, 2 on a schema the model does not fit.
 */
final class CheckCommand {
  private final ParseResult parsed;
  private final PrintStream out;
  private final PrintStream err;
  private final SparkSession given;

  CheckCommand(ParseResult parsed, PrintStream out, PrintStream err, SparkSession given) {
    this.parsed = parsed;
    this.out = out;
    this.err = err;
    this.given = given;
  }

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("check").mixinStandardHelpOptions(true);
    spec.usageMessage().description("Check new labelled data against the schema and the data"
        + " profile a model recorded: exit 2 when its schema does not fit the model, 5 when a"
        + " feature's or the label's population stability index (PSI) is above its threshold.")
        .footer("", ExitCodes.CONTRACT);
    ScoringOptions.addTo(spec);
    spec.addOption(ScoringOptions.option("--output", "DIR", "Where drift.json and drift.html go"
        + " (replaced when there).", true));
    spec.addOption(ScoringOptions.option("--max-feature-psi", "X", "The largest PSI a profiled"
        + " feature may reach; default " + DriftThresholds.DEFAULT.featurePsi() + ".", false));
    spec.addOption(ScoringOptions.option("--max-label-psi", "X", "The largest PSI the label"
        + " may reach; default " + DriftThresholds.DEFAULT.labelPsi() + ".", false));
    return spec;
  }

  void run() {
    Logging.configure(ScoringOptions.verbose(parsed));
    DriftThresholds thresholds = new DriftThresholds(
        positive("--max-feature-psi", DriftThresholds.DEFAULT.featurePsi()),
        positive("--max-label-psi", DriftThresholds.DEFAULT.labelPsi()));
    SparkSession spark = given != null ? given : SparkSessions.create(ScoringOptions.master(parsed), Map.of());
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      String dir = ScoringOptions.model(parsed);
      LinearModel model = new ModelStore(conf).read(dir, "--model");
      DriftReport report = new DataCheck(spark, n -> err.println("note: " + n))
          .run(model, dir, ScoringOptions.input(parsed), thresholds);
      Map<String, Object> json = report.toJson();
      String output = ScoringOptions.value(parsed, "--output");
      AtomicFile.replace(conf, new Path(output, "drift.json"), Json.write(json));
      AtomicFile.replace(conf, new Path(output, "drift.html"), DriftHtml.render(json));
      out.println(report.summary());
      if (report.drifted()) {
        throw new DescentException(ExitCodes.DRIFT, report.summary() + "; see "
            + new Path(output, "drift.html"));
      }
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }

  private double positive(String flag, double fallback) {
    String v = ScoringOptions.value(parsed, flag);
    if (v == null) {
      return fallback;
    }
    try {
      double x = Double.parseDouble(v);
      if (x > 0 && Double.isFinite(x)) {
        return x;
      }
    } catch (NumberFormatException ignored) {
      // Reported below, as for any other bad value.
    }
    throw new BadInputException(flag + " " + v + " is not a positive number");
  }
}
