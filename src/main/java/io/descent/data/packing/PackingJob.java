package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.block.BlockLayout;
import io.descent.block.FeaturePrecision;
import io.descent.block.LabelKind;
import io.descent.data.diagnostics.InputChangedException;
import io.descent.data.diagnostics.ProblemReporter;
import io.descent.data.diagnostics.ScanSummary;
import io.descent.data.diagnostics.SkippedRecords;
import io.descent.data.labels.LabelMapping;
import io.descent.data.source.InputFiles;
import io.descent.data.source.InputFingerprint;
import io.descent.data.source.SourceFrame;
import io.descent.profile.DataProfile;
import io.descent.profile.PartitionProfile;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * The load's last Spark job: reads the input again as chunks keyed by global row index,
 * shuffles each chunk to the partition whose index range holds it, re-cuts the rows into
 * blocks there, persists the blocks and, in the same action, sums their totals and merges
 * their data profile in partition order.
 */
public final class PackingJob {
  /** The shuffle sorts chunks by the global index of their first row. */
  private static final Comparator<Long> BY_INDEX = (Comparator<Long> & Serializable) Long::compare;

  private final SourceFrame source;
  private final ScanSummary scan;
  private final InputFiles files;
  private final ProblemReporter reporter;

  public PackingJob(SourceFrame source, ScanSummary scan, InputFiles files, ProblemReporter reporter) {
    this.source = source;
    this.scan = scan;
    this.files = files;
    this.reporter = reporter;
  }

  public TrainingData run(LabelMapping mapping, int numFeatures, int numPartitions, long blockBytes,
      StorageLevel level, SkippedRecords skipped, FeaturePrecision precision) {
    IndexRangePartitioner partitioner = new IndexRangePartitioner(scan.rows, numPartitions);
    boolean weighted = source.weighted();
    int rowsPerBlock = BlockLayout.rowsPerBlock(blockBytes, numFeatures, scan.nnz, scan.rows,
        weighted, precision);
    // Chunks are built at the blocks' precision: float chunks halve the shuffled values.
    JavaRDD<Block> blocks = source.rows()
        .mapPartitionsToPair(new ChunkRows(source.decoder(), scan.segments.offsets(), partitioner,
            mapping, numFeatures, weighted, rowsPerBlock, scan.skipped > 0, precision))
        .repartitionAndSortWithinPartitions(partitioner, BY_INDEX)
        .mapPartitionsWithIndex(new PartitionPacker(partitioner, numFeatures, weighted,
            rowsPerBlock, precision), false);
    blocks.setName("descent blocks of " + files.display());
    blocks.persist(level);
    List<ProfiledStats.Partition> stats;
    boolean classLabels = mapping.kind() != LabelKind.REAL;
    try {
      stats = blocks.mapPartitions(new ProfiledStats(classLabels)).collect();
    } catch (Exception e) {
      blocks.unpersist(false);
      throw reporter.packFailure(e);
    }
    long rows = 0;
    double weightSum = 0;
    long bytes = 0;
    List<PartitionProfile> profiles = new ArrayList<>();
    for (ProfiledStats.Partition p : stats) {
      rows += p.stats().rows();
      weightSum += p.stats().weightSum();
      bytes += p.stats().arrayBytes();
      profiles.add(p.profile());
    }
    if (rows != scan.rows) {
      blocks.unpersist(false);
      throw reporter.packFailure(new InputChangedException(rows + " rows packed, " + scan.rows + " scanned"));
    }
    InputFingerprint fingerprint = new InputFingerprint(files.fingerprintEntries(), rows);
    return new TrainingData(blocks, numPartitions, rows, numFeatures, weightSum, mapping, bytes,
        fingerprint, skipped).withProfile(
            DataProfile.merge(profiles, classLabels, DataProfile.LISTED_FEATURES));
  }
}
