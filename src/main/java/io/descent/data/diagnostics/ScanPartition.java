package io.descent.data.diagnostics;

import io.descent.data.hashing.HashCensus;
import io.descent.data.labels.LabelCensus;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowPosition;
import io.descent.data.row.RowProblem;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The scan job's task: decodes and checks every row of one input partition and returns one
 * {@link PartitionScan}. Under {@link BadRecords#FAIL} it stops at the first bad row (the driver
 * reports the earliest one); under {@link BadRecords#SKIP} it counts bad rows per split and
 * keeps the first few, and the good rows alone are numbered.
 */
public final class ScanPartition implements FlatMapFunction<Iterator<Row>, PartitionScan> {
  private static final long serialVersionUID = 1L;
  /** Dropped rows kept as examples per partition; the driver keeps as many overall. */
  static final int EXAMPLES = 5;

  private final RowDecoder decoder;
  /** Distinct labels kept per partition; 0 when the policy needs none. */
  private final int labelCap;
  private final BadRecords badRecords;

  public ScanPartition(RowDecoder decoder, int labelCap) {
    this(decoder, labelCap, BadRecords.FAIL);
  }

  public ScanPartition(RowDecoder decoder, int labelCap, BadRecords badRecords) {
    this.decoder = decoder;
    this.labelCap = labelCap;
    this.badRecords = badRecords;
  }

  @Override
  public Iterator<PartitionScan> call(Iterator<Row> rows) {
    PartitionScan scan = new PartitionScan(labelCap > 0 ? new LabelCensus(labelCap) : null);
    RowBuffer row = new RowBuffer();
    PartitionScan.Segment segment = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String file = r.getString(0);
      long splitStart = r.getLong(1);
      if (segment == null || segment.splitStart != splitStart || !segment.file.equals(file)) {
        segment = new PartitionScan.Segment(file, splitStart);
        scan.segments.add(segment);
      }
      RowProblem problem = decoder.decode(r, row);
      if (problem != null && badRecords == BadRecords.FAIL) {
        scan.problem = problem;
        scan.problemAt = new RowPosition(file, splitStart, segment.rows + segment.skipped);
        break;
      }
      if (problem != null) {
        if (scan.skippedExamples.size() < EXAMPLES) {
          RowPosition raw = new RowPosition(file, splitStart, segment.rows + segment.skipped);
          scan.skippedExamples.add(new PartitionScan.SkippedRow(raw, problem));
        }
        segment.skipped++;
        scan.skipped++;
        continue;
      }
      if (scan.labels != null) {
        scan.labels.add(row.label, file, splitStart, segment.rows + segment.skipped);
      }
      if (row.rawFeatures > 0) {
        if (scan.hashes == null) {
          scan.hashes = new HashCensus();
        }
        scan.hashes.add(row.rawFeatureIds, row.rawFeatures);
      }
      scan.nnz += row.nnz;
      if (row.indexBound() > scan.indexBound) {
        scan.indexBound = row.indexBound();
        scan.widestAt = new RowPosition(file, splitStart, segment.rows + segment.skipped);
      }
      scan.maxVectorSize = Math.max(scan.maxVectorSize, row.vectorSize);
      scan.positiveWeight |= row.weight > 0;
      segment.rows++;
    }
    return List.of(scan).iterator();
  }
}
