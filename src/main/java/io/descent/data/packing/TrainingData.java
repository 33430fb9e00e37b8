package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.data.diagnostics.SkippedRecords;
import io.descent.data.hashing.HashingReport;
import io.descent.data.labels.LabelMapping;
import io.descent.data.source.InputFingerprint;
import io.descent.profile.DataProfile;
import java.util.function.Supplier;
import io.descent.data.source.NamedColumns;
import org.apache.spark.api.java.JavaRDD;

/** Cached training data, ready for the engine. */
public final class TrainingData {
  private final JavaRDD<Block> blocks;
  private final int numPartitions;
  private final long numRows;
  private final int numFeatures;
  private final double weightSum;
  private final LabelMapping labels;
  private final long arrayBytes;
  private final InputFingerprint fingerprint;
  private final SkippedRecords skipped;
  private HashingReport hashing;
  /** Says where the feature count came from when it is inferred from one row; lazy (re-reads). */
  private Supplier<String> featureCountOrigin = () -> null;
  private NamedColumns columns;
  private String notice;
  private DataProfile profile;

  public TrainingData(JavaRDD<Block> blocks, int numPartitions, long numRows, int numFeatures,
      double weightSum, LabelMapping labels, long arrayBytes, InputFingerprint fingerprint) {
    this(blocks, numPartitions, numRows, numFeatures, weightSum, labels, arrayBytes, fingerprint,
        SkippedRecords.NONE);
  }

  TrainingData(JavaRDD<Block> blocks, int numPartitions, long numRows, int numFeatures,
      double weightSum, LabelMapping labels, long arrayBytes, InputFingerprint fingerprint,
      SkippedRecords skipped) {
    this.blocks = blocks;
    this.numPartitions = numPartitions;
    this.numRows = numRows;
    this.numFeatures = numFeatures;
    this.weightSum = weightSum;
    this.labels = labels;
    this.arrayBytes = arrayBytes;
    this.fingerprint = fingerprint;
    this.skipped = skipped;
  }

  /**
   * The blocks, persisted and materialized. Partition p holds the input rows
   * [p·n/P, (p+1)·n/P) in input order; a partition may be empty when n &lt; P.
   */
  public JavaRDD<Block> blocks() {
    return blocks;
  }

  /**
   * The same data (labels, input, hashing, columns, profile) over other blocks of its rows in
   * the same partitions: a split's part, or the rows re-packed.
   */
  TrainingData withBlocks(JavaRDD<Block> other, long rows, double weightSum, long bytes) {
    return new TrainingData(other, numPartitions, rows, numFeatures, weightSum, labels, bytes,
        fingerprint, skipped).withHashing(hashing).withFeatureCountOrigin(featureCountOrigin)
        .withColumns(columns).withProfile(profile());
  }

  public int numPartitions() {
    return numPartitions;
  }

  public long numRows() {
    return numRows;
  }

  public int numFeatures() {
    return numFeatures;
  }

  /** Sum of instance weights, summed in partition order (deterministic). */
  public double weightSum() {
    return weightSum;
  }

  public LabelMapping labels() {
    return labels;
  }

  /** Sum of {@link Block#arrayBytes()} over all blocks. */
  public long arrayBytes() {
    return arrayBytes;
  }

  public InputFingerprint fingerprint() {
    return fingerprint;
  }

  /** The bad rows dropped under --bad-records skip (none otherwise). */
  public SkippedRecords skipped() {
    return skipped;
  }

  /** What feature hashing did, or null when features were not hashed. */
  public HashingReport hashing() {
    return hashing;
  }

  /** This data, recording what feature hashing did (set once, by the loader). */
  public TrainingData withHashing(HashingReport report) {
    this.hashing = report;
    return this;
  }

  /**
   * Where the feature count comes from when one row's largest index sets it (a sentence
   * naming the file and line), or null; computed on demand, as it re-reads the file.
   */
  public String featureCountOrigin() {
    return featureCountOrigin.get();
  }

  /** This data, recording how to locate the row that set its feature count (by the loader). */
  public TrainingData withFeatureCountOrigin(Supplier<String> origin) {
    this.featureCountOrigin = origin;
    return this;
  }

  /** The named columns the features were read from, or null (vectors, hashing, LIBSVM). */
  public NamedColumns columns() {
    return columns;
  }

  /** This data, recording its named columns (set once, by the loader). */
  public TrainingData withColumns(NamedColumns named) {
    this.columns = named;
    return this;
  }

  /** What the reader had to say once about the input (a column it ignored), or null. */
  public String notice() {
    return notice;
  }

  /** This data, with the reader's notice (set once, by the loader). */
  public TrainingData withNotice(String text) {
    this.notice = text;
    return this;
  }

  /** What the data looked like, gathered while packing; null when it was not (DataFrames). */
  public DataProfile profile() {
    return profile;
  }

  /** This data, with its profile (set once, by the packing job or the holdout split). */
  public TrainingData withProfile(DataProfile p) {
    this.profile = p;
    return this;
  }

  /** Unpersists the blocks. */
  public void release() {
    blocks.unpersist(false);
  }

  @Override
  public String toString() {
    return numRows + " rows x " + numFeatures + " features in " + numPartitions
        + " partitions, " + arrayBytes + " bytes, labels " + labels;
  }
}
