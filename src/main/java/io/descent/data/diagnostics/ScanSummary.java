package io.descent.data.diagnostics;

import io.descent.data.hashing.HashCensus;
import io.descent.data.labels.LabelValue;
import io.descent.data.row.RowPosition;
import io.descent.data.row.RowProblem;
import io.descent.data.source.InputFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scan job's partition results merged on the driver, in input order. */
public final class ScanSummary {
  public final SegmentTable segments;
  public final long rows;
  public final long nnz;
  public final int indexBound;
  /** The earliest row holding the largest feature index (null without indices). */
  public final RowPosition widestAt;
  public final long maxVectorSize;
  public final boolean positiveWeight;
  /** The earliest bad row in input order, or null. */
  public final RowProblem problem;
  public final RowPosition problemAt;
  /** Distinct labels ordered by first occurrence; empty when the policy needs none. */
  public final List<LabelValue> labels;
  public final boolean labelsOverflow;
  /** Rows dropped under --bad-records skip, and the earliest few in input order. */
  public final long skipped;
  public final List<PartitionScan.SkippedRow> skippedExamples;
  /** The partitions' raw-feature censuses under feature hashing (empty otherwise). */
  public final List<HashCensus> hashes = new ArrayList<>();

  public ScanSummary(List<PartitionScan> scans, InputFiles files) {
    segments = new SegmentTable(scans, files);
    Comparator<RowPosition> order = segments.order();
    long n = 0;
    int bound = 0;
    RowPosition widest = null;
    long size = 0;
    boolean positive = false;
    RowProblem firstProblem = null;
    RowPosition firstProblemAt = null;
    Map<Double, LabelValue> merged = new HashMap<>();
    boolean overflow = false;
    long dropped = 0;
    List<PartitionScan.SkippedRow> examples = new ArrayList<>();
    for (PartitionScan s : scans) {
      dropped += s.skipped;
      if (s.hashes != null) {
        hashes.add(s.hashes);
      }
      examples.addAll(s.skippedExamples);
      n += s.nnz;
      if (s.widestAt != null && (s.indexBound > bound || (s.indexBound == bound
          && order.compare(s.widestAt, widest) < 0))) {
        widest = s.widestAt;
      }
      bound = Math.max(bound, s.indexBound);
      size = Math.max(size, s.maxVectorSize);
      positive |= s.positiveWeight;
      if (s.problem != null && (firstProblemAt == null || order.compare(s.problemAt, firstProblemAt) < 0)) {
        firstProblem = s.problem;
        firstProblemAt = s.problemAt;
      }
      if (s.labels != null) {
        overflow |= s.labels.overflow();
        s.labels.values().forEach((value, seen) -> merged.merge(value,
            new LabelValue(value, seen.first, seen.count),
            (a, b) -> new LabelValue(value,
                order.compare(a.first(), b.first()) <= 0 ? a.first() : b.first(),
                a.count() + b.count())));
      }
    }
    nnz = n;
    indexBound = bound;
    widestAt = widest;
    maxVectorSize = size;
    positiveWeight = positive;
    problem = firstProblem;
    problemAt = firstProblemAt;
    rows = segments.totalRows();
    labels = new ArrayList<>(merged.values());
    labels.sort(Comparator.comparing(LabelValue::first, order));
    labelsOverflow = overflow;
    skipped = dropped;
    examples.sort(Comparator.comparing(PartitionScan.SkippedRow::at, order));
    skippedExamples = List.copyOf(examples.subList(0, Math.min(ScanPartition.EXAMPLES, examples.size())));
  }
}
