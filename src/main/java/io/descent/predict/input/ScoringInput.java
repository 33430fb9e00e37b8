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
import io.descent.data.source.NamedColumns;
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
 * column ({@code labelCol}, else the model's label column, else "label"; for a model that
 * records no column names, else the last CSV column when there is one column more than the
 * model has features).
 *
 * <p>The input's shape is checked when it is opened (its feature columns against the
 * model's); its rows are not: a bad row fails its task, and {@link #explain} then runs the
 * training data's scan to name the file and line at fault.
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

  /** As below, for a model that records no column names. */
  public static ScoringInput open(SparkSession spark, InputSpec spec, int numFeatures,
      HashingScheme hashing, LabelMapping knownLabels) {
    return open(spark, spec, numFeatures, hashing, null, knownLabels);
  }

  /**
   * Opens the input for a model of {@code numFeatures} features, hashed from named columns
   * by {@code hashing} when it is non-null ({@link HashedScoringSource}), else read from the
   * columns {@code trained} names (null for a model that records none: then CSV and Parquet
   * columns must be as many as its features). With {@code knownLabels} non-null, labels are
   * required and each must be one of its values (evaluation). A shape that differs from the
   * model's is refused before any job runs, or, for vectors, at the first row.
   */
  public static ScoringInput open(SparkSession spark, InputSpec spec, int numFeatures,
      HashingScheme hashing, NamedColumns trained, LabelMapping knownLabels) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    InputFiles files = InputFiles.resolve(spec.path(), conf);
    if (files.isEmpty()) {
      throw new BadInputException(files.display() + " contains no rows");
    }
    if (spec.weightCol() != null) {
      throw new BadInputException("a weight column does not apply to scoring");
    }
    InputFormat format = spec.format() == null ? files.inferFormat() : InputFormat.named(spec.format());
    // Evaluation needs every label; predict passes labels through, so a row may lack one.
    LabelPolicy labels = knownLabels != null ? LabelPolicy.real() : LabelPolicy.realOrMissing();
    OpenedInput opened = hashing != null
        ? HashedScoringSource.open(spark, files, spec, format, hashing, conf, labels)
        : openSource(spark, files, spec, format, numFeatures, trained, conf, labels);
    SourceFrame source = opened.frame();
    boolean labelled = opened.labelled();
    if (hashing == null) {
      source = requireShape(source, format, spec, numFeatures, trained, files.display());
    }
    if (knownLabels != null) {
      if (!labelled) {
        throw new BadInputException(files.display() + " has no label column, and evaluation"
            + " compares predictions with labels" + (spec.labelCol() == null ? "; name it with --label-col" : ""));
      }
      source = source.withDecoder(new KnownLabelDecoder(source.decoder(), knownLabels, source.labelColumn()));
    }
    return new ScoringInput(files, source, new ProblemReporter(files, source.lineRules(), conf), labelled);
  }

  /**
   * The model's shape, required of the input: named columns match the model's names (or, for
   * a model without names, its feature count); a vector has the model's size, checked row by
   * row. LIBSVM indices above the model's features are refused by its reader.
   */
  private static SourceFrame requireShape(SourceFrame source, InputFormat format, InputSpec spec,
      int numFeatures, NamedColumns trained, String display) {
    if (source.columns() != null && trained != null) {
      ColumnMatch.require(trained, source.columns(), display);
    } else if (source.columns() != null && source.featureColumns() != numFeatures) {
      throw new BadInputException(display + " has " + source.featureColumns()
          + " feature columns; the model has " + numFeatures + " features (it records no column"
          + " names, so they are matched by position and count)");
    } else if (format == InputFormat.PARQUET && source.columns() == null) {
      String vector = spec.featuresCol() != null ? spec.featuresCol() : "features";
      return source.withDecoder(new VectorSizeDecoder(source.decoder(), numFeatures, vector));
    }
    return source;
  }

  private static OpenedInput openSource(SparkSession spark, InputFiles files, InputSpec spec,
      InputFormat format, int numFeatures, NamedColumns trained, Configuration conf,
      LabelPolicy anyLabel) {
    switch (format) {
      case CSV: {
        List<String> header = UnlabeledCsvSource.header(files, conf, spec.separator());
        String label = labelColumn(spec, header, trained,
            header.size() == numFeatures + 1 ? header.get(header.size() - 1) : null);
        String ignored = ignoredWeight(trained, header, label);
        return label != null
            ? new OpenedInput(CsvSource.open(spark, files, spec.withLabelCol(label), anyLabel, conf, null, ignored), true)
            : new OpenedInput(UnlabeledCsvSource.open(spark, files, spec.separator(), conf, null, ignored), false);
      }
      case PARQUET: {
        Dataset<Row> df = ParquetSource.read(spark, files, conf);
        List<String> names = Arrays.asList(df.schema().fieldNames());
        String label = labelColumn(spec, names, trained, null);
        String ignored = ignoredWeight(trained, names, label);
        // Vectors are checked for the model's size by the caller, not cut at it here.
        return label != null
            ? new OpenedInput(ParquetSource.open(df, spec.withLabelCol(label), anyLabel, files.display(), null, ignored), true)
            : new OpenedInput(UnlabeledParquetSource.open(df, spec, files.display(), ignored), false);
      }
      default:
        return new OpenedInput(LibsvmSource.open(spark, files, spec.withNumFeatures(numFeatures), anyLabel, conf), true);
    }
  }

  /**
   * The label column: --label-col; else the model's label column when the input has it; else
   * "label" when it has one; else, for a model without column names only, {@code byCount}
   * (the last CSV column when there is one column more than the model has features); else
   * none.
   */
  private static String labelColumn(InputSpec spec, List<String> columns, NamedColumns trained,
      String byCount) {
    if (spec.labelCol() != null) {
      return spec.labelCol();
    }
    if (trained != null && trained.label() != null && columns.contains(trained.label())) {
      return trained.label();
    }
    if (columns.contains("label")) {
      return "label";
    }
    return trained == null ? byCount : null;
  }

  /** The model's weight column, when the input has it apart from the label: no feature. */
  private static String ignoredWeight(NamedColumns trained, List<String> columns, String label) {
    String weight = trained == null ? null : trained.weight();
    return weight != null && columns.contains(weight) && !weight.equals(label) ? weight : null;
  }

  /** What the reader had to say once about the input (a column it ignored), or null. */
  public String notice() {
    return source.notice();
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
