package io.descent.data;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.block.BlockLayout;
import io.descent.block.FeaturePrecision;
import io.descent.data.diagnostics.BadRecords;
import io.descent.data.diagnostics.PartitionScan;
import io.descent.data.diagnostics.ProblemReporter;
import io.descent.data.diagnostics.ScanPartition;
import io.descent.data.diagnostics.ScanSummary;
import io.descent.data.diagnostics.SkippedRecords;
import io.descent.data.hashing.FeatureHashing;
import io.descent.data.hashing.HashCensus;
import io.descent.data.hashing.HashingReport;
import io.descent.data.hashing.HashingScheme;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.labels.LabelResolver;
import io.descent.data.packing.PackingJob;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.CsvSource;
import io.descent.data.source.FloatRangeDecoder;
import io.descent.data.source.InputFiles;
import io.descent.data.source.InputFormat;
import io.descent.data.source.InputSpec;
import io.descent.data.source.LibsvmSource;
import io.descent.data.source.ParquetSource;
import io.descent.data.source.SourceFrame;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Loads an input into cached {@link io.descent.block.Block}s. The Spark jobs of one load:
 * <ol>
 *   <li>Only for LIBSVM without numFeatures: Spark's reader scans the text for the largest
 *       index. Only for Parquet: Spark reads the schema from a footer (a small job). Spark adds
 *       a file-listing job of its own when an input has more than 32 files.</li>
 *   <li>The scan: every row is decoded and checked; each task returns its split row counts,
 *       sizes, distinct labels and first bad row ({@link ScanPartition}).</li>
 *   <li>The packing: rows become chunks keyed by global index, are shuffled to their range
 *       partition, re-cut into blocks, persisted, and counted in the same action
 *       ({@link PackingJob}).</li>
 * </ol>
 * The input is read twice (jobs 2 and 3) rather than cached in between: it costs a second
 * parse but never holds the data twice in memory. Nothing but per-partition totals and label
 * sets reaches the driver.
 */
public final class DataLoader {
  /** The block size used when none is given: about 1 MiB of arrays. */
  public static final long DEFAULT_BLOCK_BYTES = 1L << 20;

  /** The local property behind SparkContext.setJobDescription. */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  private final SparkSession spark;

  public DataLoader(SparkSession spark) {
    this.spark = spark;
  }

  /** As below, with 1 MiB blocks kept in memory and on disk. */
  public TrainingData load(InputSpec spec, LabelPolicy policy, int partitions) {
    return load(spec, policy, partitions, DEFAULT_BLOCK_BYTES, StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Reads, checks and packs the input. {@code partitions <= 0} means the context's default
   * parallelism; {@code blockBytes <= 0} means {@link #DEFAULT_BLOCK_BYTES}. Bad data throws a
   * {@link BadInputException} naming the file and line (or Parquet row) at fault.
   */
  public TrainingData load(InputSpec spec, LabelPolicy policy, int partitions, long blockBytes,
      StorageLevel level) {
    return load(spec, policy, partitions, blockBytes, level, LoadOptions.DEFAULT);
  }

  /**
   * As above, with {@code options}: under {@link BadRecords#SKIP} bad rows are dropped and
   * reported in {@link TrainingData#skipped()} instead of failing the load (an input with no
   * good row still "contains no rows").
   */
  public TrainingData load(InputSpec spec, LabelPolicy policy, int partitions, long blockBytes,
      StorageLevel level, LoadOptions options) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(level, "level");
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    InputFiles files = InputFiles.resolve(spec.path(), conf);
    if (files.isEmpty()) {
      throw new BadInputException(files.display() + " contains no rows");
    }
    InputFormat format = spec.format() == null ? files.inferFormat() : InputFormat.named(spec.format());
    int numPartitions = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
    long targetBytes = blockBytes > 0 ? blockBytes : DEFAULT_BLOCK_BYTES;

    SourceFrame source = described("read " + files.display(),
        () -> atPrecision(open(format, files, spec, policy, conf, options), options.precision()));
    ProblemReporter reporter = new ProblemReporter(files, source.lineRules(), conf);
    ScanSummary scan = described("check " + files.display(), () -> scan(source, policy, files, reporter, options.badRecords()));
    if (scan.problem != null) {
      throw reporter.rowProblem(scan.problem, scan.problemAt, scan.segments);
    }
    if (scan.rows == 0) {
      throw new BadInputException(files.display() + " contains no rows"
          + (scan.skipped > 0 ? " (all " + scan.skipped + " were bad and skipped)" : ""));
    }
    LabelResolver.Resolution labels = LabelResolver.resolve(policy, scan.labels, scan.labelsOverflow);
    if (labels.problem() != null) {
      throw reporter.labelProblem(labels.problem(), labels.at(), source.labelColumn(), scan.segments);
    }
    if (source.weighted() && !scan.positiveWeight) {
      throw new BadInputException(files.display() + ": every instance weight is zero");
    }
    int numFeatures = options.hashFeatures() > 0 ? options.hashFeatures()
        : numFeatures(source, scan, spec, files.display());
    HashingReport hashing = null;
    if (options.hashFeatures() > 0) {
      HashCensus.Summary census = HashCensus.summarize(scan.hashes, hashing(options));
      HashingScheme scheme = new HashingScheme(options.hashFeatures(), source.labelColumn(), spec.weightCol());
      hashing = new HashingReport(scheme, census.rawFeatures(), census.collided());
    }
    SkippedRecords skipped = scan.skipped == 0 ? SkippedRecords.NONE
        : reporter.skipped(scan.skipped, scan.skippedExamples, scan.segments);
    // A partition holds at least one row: more partitions than rows only add empty tasks to
    // every pass (100,000 of them made a 270-row run last for hours). Depends on the data only,
    // so the result stays independent of the cluster.
    int usedPartitions = (int) Math.min(numPartitions, scan.rows);
    PackingJob packing = new PackingJob(source, scan, files, reporter);
    TrainingData data = described("pack " + files.display(),
        () -> packing.run(labels.mapping(), numFeatures, usedPartitions, targetBytes, level, skipped,
            options.precision()));
    if (source.featureColumns() < 0 && spec.numFeatures() == null && scan.widestAt != null
        && scan.indexBound >= scan.maxVectorSize) {
      data.withFeatureCountOrigin(() -> "The " + String.format(Locale.ROOT, "%,d", numFeatures) + " features come from the largest"
          + " feature index, in " + reporter.where(scan.widestAt, scan.segments) + ": if that"
          + " index is a mistake, fix the line (or pass --num-features to refuse larger ones).");
    }
    data.withColumns(source.columns()).withNotice(source.notice());
    return hashing == null ? data : data.withHashing(hashing);
  }

  private SourceFrame open(InputFormat format, InputFiles files, InputSpec spec,
      LabelPolicy policy, Configuration conf, LoadOptions options) {
    switch (format) {
      case CSV:
        return CsvSource.open(spark, files, spec, policy, conf, hashing(options));
      case PARQUET:
        return ParquetSource.open(spark, files, spec, policy, conf, hashing(options));
      default:
        if (options.hashFeatures() > 0) {
          throw new BadInputException("hash-features applies to the named columns of CSV and "
              + "Parquet input; " + files.display() + " is LIBSVM, whose features are already indices");
        }
        return LibsvmSource.open(spark, files, spec, policy, conf, options.badRecords());
    }
  }

  /** Under float precision the frame's rows must also fit a float ({@link FloatRangeDecoder}). */
  private static SourceFrame atPrecision(SourceFrame s, FeaturePrecision precision) {
    if (precision == FeaturePrecision.DOUBLE) {
      return s;
    }
    return s.withDecoder(new FloatRangeDecoder(s.decoder()));
  }

  private static FeatureHashing hashing(LoadOptions options) {
    return options.hashFeatures() > 0 ? new FeatureHashing(options.hashFeatures()) : null;
  }

  private static ScanSummary scan(SourceFrame source, LabelPolicy policy, InputFiles files,
      ProblemReporter reporter, BadRecords badRecords) {
    List<PartitionScan> scans;
    try {
      scans = source.rows()
          .mapPartitions(new ScanPartition(source.decoder(), LabelResolver.censusCap(policy), badRecords))
          .collect();
    } catch (DescentException e) {
      throw e;
    } catch (Exception e) {
      throw reporter.readFailure(e);
    }
    return new ScanSummary(scans, files);
  }

  private static int numFeatures(SourceFrame source, ScanSummary scan, InputSpec spec, String display) {
    Integer given = spec.numFeatures();
    if (source.featureColumns() >= 0) {
      int columns = source.featureColumns();
      if (given != null && given < columns) {
        throw new BadInputException(display + " has " + columns
            + " feature columns, more than numFeatures " + given);
      }
      if (given == null && columns == 0) {
        throw new BadInputException(display + " has no feature columns besides the label");
      }
      return given == null ? columns : given;
    }
    if (given != null) {
      return given;
    }
    long d = Math.max(scan.maxVectorSize, scan.indexBound);
    if (d == 0) {
      throw new BadInputException(display + " has no features in any row");
    }
    if (d > BlockLayout.MAX_DENSE_VALUES) {
      throw new BadInputException(display + " has " + d + " features, more than Descent supports");
    }
    return (int) d;
  }

  /** Runs {@code body} with a job description, so Spark's UI says what the jobs are for. */
  private <T> T described(String what, Supplier<T> body) {
    SparkContext sc = spark.sparkContext();
    String before = sc.getLocalProperty(JOB_DESCRIPTION);
    sc.setJobDescription("descent: " + what);
    try {
      return body.get();
    } finally {
      sc.setLocalProperty(JOB_DESCRIPTION, before);
    }
  }
}
