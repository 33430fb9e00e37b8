package io.descent.cli;

import io.descent.data.source.CsvSeparator;
import io.descent.data.source.InputSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The flags predict and evaluate share: the model, the input and how to read it, Spark. */
final class ScoringOptions {
  private ScoringOptions() {}

  static void addTo(CommandSpec spec) {
    spec.addOption(option("--model", "DIR", "A model directory written by descent train.", true));
    spec.addOption(option("--data", "PATH", "Input: a file or directory, any Hadoop path; the formats train reads.", true));
    spec.addOption(option("--format", "FORMAT", "libsvm, csv or parquet; default: from the file name.", false));
    spec.addOption(option("--label-col", "C", "CSV/Parquet label column; default: the model's label column when"
        + " it hashed its features, else 'label', else for CSV the last column when there is one column more"
        + " than the model has features; none when the input lacks it.", false));
    spec.addOption(option("--csv-separator", "C", "CSV: the character between cells, e.g. ';' or \\t"
        + " (or tab); default: a comma.", false));
    spec.addOption(option("--features-col", "C", "Parquet vector column; default: 'features' if present, else every numeric column.", false));
    spec.addOption(option("--master", "M", "Spark master; default: the one spark-submit gives, else local[*].", false));
    spec.addOption(OptionSpec.builder("--verbose").arity("0").type(boolean.class)
        .description("Spark's INFO logs and stack traces on errors.").build());
  }

  static OptionSpec option(String name, String label, String description, boolean required) {
    return OptionSpec.builder(name).paramLabel(label).type(String.class).required(required)
        .description(description).build();
  }

  static String value(ParseResult parsed, String name) {
    return parsed.hasMatchedOption(name) ? parsed.matchedOptionValue(name, null) : null;
  }

  static String model(ParseResult parsed) {
    return value(parsed, "--model");
  }

  static String master(ParseResult parsed) {
    return value(parsed, "--master");
  }

  static boolean verbose(ParseResult parsed) {
    return parsed.hasMatchedOption("--verbose");
  }

  /** The input as the data layer takes it; the feature count comes from the model. */
  static InputSpec input(ParseResult parsed) {
    return new InputSpec(value(parsed, "--data"), value(parsed, "--format"),
        value(parsed, "--label-col"), null, value(parsed, "--features-col"), null,
        CsvSeparator.parse(value(parsed, "--csv-separator"), "--csv-separator"));
  }
}
