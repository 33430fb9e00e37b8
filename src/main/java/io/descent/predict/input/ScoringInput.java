package io.descent.predict.input;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import io.descent.data.diagnostics.PartitionScan;
import io.descent.data.diagnostics.ProblemReporter;
import io.descent.data.diagnostics.ScanPartition;
import io.descent.data.diagnostics.ScanSummary;
import io.descent.data.hashing.HashingScheme;
import io.descent.data.labels.LabelMapping;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.source.CsvSource;
import io.descent.data.source.InputFiles;
import io.descent.data.source.InputFormat;
import io.descent.data.source.InputSpec;
import io.descent.data.source.LibsvmSource;
import io.descent.data.source.ParquetSource;
import io.descent.data.source.SourceFrame;
import io.descent.data.source.UnlabeledCsvSource;
import io.descent.data.source.UnlabeledParquetSource;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Rows to score with a trained model, read by the readers and checked by the decoders of
 * training data, but not packed: {@link #map} is one lazy pass that keeps the input's order
 * and partitioning. Labels are kept as read (any finite number, seen in training or not), or
 * absent: LIBSVM always has them; CSV and Parquet have them when the file has the label
 * column ({@code labelCol}, else "label", else, for CSV, the last column when there is one
 * column more than the model has features; for a model trained with feature hashing,
 * {@code labelCol} else the model's label column).
 *
 * <p>No check runs before the pass: a bad row fails its task, and {@link #explain} then runs
 * the training data's scan to name the file and line at fault.
 */
public final class ScoringInput {
  private final InputFiles files;
  private final SourceFrame source;
  private final ProblemReporter reporter;
  private final boolean labelled;

  private ScoringInput(InputFiles files, SourceFrame source, ProblemReporter reporter,
      boolean labelled) {
    this.files = files;
    this.source = source;
    this.reporter = reporter;
    this.labelled = labelled;
  }

  /**
   * Opens the input for a model of {@code numFeatures} features, hashed from named columns
   * by {@code hashing} when it is non-null ({@link HashedScoringSource}). With
   * {@code knownLabels} non-null, labels are required and each must be one of its values
   * (evaluation).
   */
  public static ScoringInput open(SparkSession spark, InputSpec spec, int numFeatures,
      HashingScheme hashing, LabelMapping knownLabels) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    InputFiles files = InputFiles.resolve(spec.path(), conf);
    if (files.isEmpty()) {
      throw new BadInputException(files.display() + " contains no rows");
    }
    if (spec.weightCol() != null) {
      throw new BadInputException("a weight column does not apply to scoring");
    }
    InputSpec limited = spec.withNumFeatures(numFeatures);
    InputFormat format = spec.format() == null ? files.inferFormat() : InputFormat.named(spec.format());
    // Evaluation needs every label; predict passes labels through, so a row may lack one.
    LabelPolicy labels = knownLabels != null ? LabelPolicy.real() : LabelPolicy.realOrMissing();
    OpenedInput opened = hashing != null
        ? HashedScoringSource.open(spark, files, spec, format, hashing, conf, labels)
        : openSource(spark, files, limited, format, numFeatures, conf, labels);
    SourceFrame source = opened.frame();
    boolean labelled = opened.labelled();
    if (source.featureColumns() > numFeatures) {
      throw new BadInputException(files.display() + " has " + source.featureColumns()
          + " feature columns; the model has " + numFeatures + " features");
    }
    if (knownLabels != null) {
      if (!labelled) {
        throw new BadInputException(files.display() + " has no label column, and evaluation"
            + " compares predictions with labels" + (spec.labelCol() == null ? "; name it with --label-col" : ""));
      }
      source = new SourceFrame(source.rows(),
          new KnownLabelDecoder(source.decoder(), knownLabels, source.labelColumn()),
          source.featureColumns(), source.weighted(), source.lineRules(), source.labelColumn());
    }
    return new ScoringInput(files, source, new ProblemReporter(files, source.lineRules(), conf), labelled);
  }

  private static OpenedInput openSource(SparkSession spark, InputFiles files, InputSpec spec,
      InputFormat format, int numFeatures, Configuration conf, LabelPolicy anyLabel) {
    switch (format) {
      case CSV: {
        String[] header = UnlabeledCsvSource.header(files, conf);
        boolean labelled = spec.labelCol() != null || Arrays.asList(header).contains("label")
            || header.length == numFeatures + 1;
        return labelled ? new OpenedInput(CsvSource.open(spark, files, spec, anyLabel, conf), true)
            : new OpenedInput(UnlabeledCsvSource.open(spark, files, header, conf), false);
      }
      case PARQUET: {
        Dataset<Row> df = ParquetSource.read(spark, files, conf);
        boolean labelled = spec.labelCol() != null
            || Arrays.asList(df.schema().fieldNames()).contains("label");
        return labelled ? new OpenedInput(ParquetSource.open(spark, files, spec, anyLabel, conf), true)
            : new OpenedInput(UnlabeledParquetSource.open(df, spec, files.display()), false);
      }
      default:
        return new OpenedInput(LibsvmSource.open(spark, files, spec, anyLabel, conf), true);
    }
  }

  public boolean hasLabels() {
    return labelled;
  }

  /** How messages name the input. */
  public String display() {
    return files.display();
  }

  /** One lazy pass over the rows in input order; a bad row fails its task (see {@link #explain}). */
  public <T> JavaRDD<T> map(RowMapper<T> mapper) {
    return source.rows().mapPartitions(new ScoringPartition<>(source.decoder(), labelled, mapper));
  }

  /**
   * What a failed job over {@link #map} means for the user: the first bad row located in
   * its file (exit 2), or, when the input is not to blame, the failure itself (exit 4).
   */
  public DescentException explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DescentException d) {
        return d;
      }
      if (t instanceof RowRejectedException) {
        return locateBadRow(failure);
      }
    }
    if (source.lineRules() != null) {
      return reporter.readFailure(failure);
    }
    return new DescentException(ExitCodes.FAILURE, "scoring " + files.display() + " failed: "
        + ProblemReporter.rootMessage(failure), failure);
  }

  private DescentException locateBadRow(Throwable failure) {
    List<PartitionScan> scans = source.rows()
        .mapPartitions(new ScanPartition(source.decoder(), 0)).collect();
    ScanSummary scan = new ScanSummary(scans, files);
    if (scan.problem == null) {
      return new DescentException(ExitCodes.FAILURE, files.display()
          + " changed while it was being scored: " + ProblemReporter.rootMessage(failure), failure);
    }
    return reporter.rowProblem(scan.problem, scan.problemAt, scan.segments);
  }
}
