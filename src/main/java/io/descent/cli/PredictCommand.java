package io.descent.cli;

import io.descent.BadInputException;
import io.descent.config.Settings;
import io.descent.model.LinearModel;
import io.descent.predict.Predictor;
import io.descent.store.DirectoryOverlap;
import io.descent.store.ModelStore;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code descent predict}: scores an input with a model and writes the predictions. */
final class PredictCommand {
  private final ParseResult parsed;
  private final PrintStream out;
  private final PrintStream err;
  private final SparkSession given;

  PredictCommand(ParseResult parsed, PrintStream out, PrintStream err, SparkSession given) {
    this.parsed = parsed;
    this.out = out;
    this.err = err;
    this.given = given;
  }

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("predict").mixinStandardHelpOptions(true);
    spec.usageMessage().description("Score data with a trained model; write the label (when"
        + " the input has one), the prediction and the probability or margin per row.");
    ScoringOptions.addTo(spec);
    spec.addOption(ConfOption.spec("Only spark.* keys apply here."));
    spec.addOption(ScoringOptions.option("--output", "PATH", "Directory to create with the predictions.", true));
    spec.addOption(ScoringOptions.option("--output-format", "FORMAT", "parquet or csv. Default: parquet.", false));
    spec.addOption(OptionSpec.builder("--overwrite").arity("0..1").fallbackValue("true")
        .paramLabel("true|false").type(boolean.class).description("Replace an existing output.").build());
    return spec;
  }

  void run() {
    String format = ScoringOptions.value(parsed, "--output-format");
    String outputFormat = format == null ? "parquet" : format;
    if (!Predictor.OUTPUT_FORMATS.contains(outputFormat)) {
      throw new BadInputException("--output-format: \"" + format + "\" is not one of "
          + String.join(", ", Predictor.OUTPUT_FORMATS) + ".");
    }
    boolean overwrite = parsed.hasMatchedOption("--overwrite")
        && (Boolean) parsed.matchedOptionValue("--overwrite", false);
    String output = ScoringOptions.value(parsed, "--output");
    Settings conf = ConfOption.sparkOnly(parsed, "predict");
    Logging.configure(ScoringOptions.verbose(parsed));
    SparkSession spark = given != null ? given : SparkSessions.create(ScoringOptions.master(parsed), conf.sparkConf());
    try {
      DirectoryOverlap overlap = new DirectoryOverlap(spark.sparkContext().hadoopConfiguration());
      DirectoryOverlap.Use written = new DirectoryOverlap.Use("--output", output);
      overlap.refuse(written, new DirectoryOverlap.Use("--data", ScoringOptions.input(parsed).path()));
      overlap.refuse(written, new DirectoryOverlap.Use("--model", ScoringOptions.model(parsed)));
      LinearModel model = new ModelStore(spark.sparkContext().hadoopConfiguration())
          .read(ScoringOptions.model(parsed), "--model");
      String scoreName = model.loss().link().scoreName();
      boolean labelled = new Predictor(spark, n -> err.println("note: " + n)).run(model, ScoringOptions.input(parsed), output,
          outputFormat, overwrite);
      out.println("predictions written to " + output + " (" + outputFormat + "; "
          + (labelled ? "label, " : "") + "prediction"
          + (scoreName == null ? "" : ", " + scoreName)
          + ")");
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }
}
