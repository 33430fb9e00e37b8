package io.descent.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scan job learns from one input partition: how many rows each split holds, the
 * sizes needed to plan blocks, the label census and the partition's first bad row.
 */
final class PartitionScan implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rows of one split of one file, in the order the reader returns them. */
  static final class Segment implements Serializable {
    private static final long serialVersionUID = 1L;
    final String file;
    final long splitStart;
    long rows;

    Segment(String file, long splitStart) {
      this.file = file;
      this.splitStart = splitStart;
    }
  }

  final List<Segment> segments = new ArrayList<>();
  long nnz;
  /** One past the largest feature index seen. */
  int indexBound;
  long maxVectorSize;
  boolean positiveWeight;
  /** Null when every row is good. */
  RowProblem problem;
  RowPosition problemAt;
  /** Null when the policy needs no label values (REAL). */
  final LabelCensus labels;

  PartitionScan(LabelCensus labels) {
    this.labels = labels;
  }
}
