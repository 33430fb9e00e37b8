package io.descent.data.diagnostics;

import io.descent.data.hashing.HashCensus;
import io.descent.data.labels.LabelCensus;
import io.descent.data.row.RowPosition;
import io.descent.data.row.RowProblem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scan job learns from one input partition: how many rows each split holds, the
 * sizes needed to plan blocks, the label census and the partition's first bad row.
 */
public final class PartitionScan implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rows of one split of one file, in the order the reader returns them. */
  public static final class Segment implements Serializable {
    private static final long serialVersionUID = 1L;
    final String file;
    final long splitStart;
    /** Good rows. */
    public long rows;
    /** Bad rows dropped under --bad-records skip; they still occupy raw row positions. */
    long skipped;

    Segment(String file, long splitStart) {
      this.file = file;
      this.splitStart = splitStart;
    }
  }

  public final List<Segment> segments = new ArrayList<>();
  public long nnz;
  /** One past the largest feature index seen. */
  public int indexBound;
  /** The first row whose largest index made {@link #indexBound}; null before any feature. */
  public RowPosition widestAt;
  public long maxVectorSize;
  public boolean positiveWeight;
  /** Null when every row is good. */
  public RowProblem problem;
  public RowPosition problemAt;
  /** Rows dropped under --bad-records skip. */
  long skipped;
  /** The partition's first few dropped rows; offsets count every row of the split. */
  final List<SkippedRow> skippedExamples = new ArrayList<>();
  /** Null unless features are hashed. */
  HashCensus hashes;
  /** Null when the policy needs no label values (REAL). */
  public final LabelCensus labels;

  /** A dropped row: where it is (raw offset in its split) and what is wrong with it. */
  record SkippedRow(RowPosition at, RowProblem problem) implements Serializable {}

  PartitionScan(LabelCensus labels) {
    this.labels = labels;
  }
}
