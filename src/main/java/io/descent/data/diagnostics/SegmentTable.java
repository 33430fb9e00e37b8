package io.descent.data.diagnostics;

import io.descent.data.row.RowPosition;
import io.descent.data.source.InputFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All splits the scan saw, put in input order (file by sorted path, then split start) with the
 * global index of each one's first (good) row. This is what makes row numbers independent of
 * how Spark split and packed the files.
 */
public final class SegmentTable {
  private record Entry(int fileIndex, long splitStart, long rows, long globalStart, long fileStart) {}

  private final Map<String, Map<Long, Entry>> byKey = new HashMap<>();
  private final long totalRows;

  SegmentTable(List<PartitionScan> scans, InputFiles files) {
    record Found(PartitionScan.Segment segment, int fileIndex) {}
    List<Found> found = new ArrayList<>();
    for (PartitionScan scan : scans) {
      for (PartitionScan.Segment s : scan.segments) {
        found.add(new Found(s, files.indexOfSparkPath(s.file)));
      }
    }
    found.sort(Comparator.comparingInt(Found::fileIndex)
        .thenComparingLong(f -> f.segment().splitStart));
    long global = 0;
    long inFile = 0;
    int currentFile = -1;
    for (Found f : found) {
      PartitionScan.Segment s = f.segment();
      int fileIndex = f.fileIndex();
      if (fileIndex != currentFile) {
        currentFile = fileIndex;
        inFile = 0;
      }
      Entry e = new Entry(fileIndex, s.splitStart, s.rows, global, inFile);
      if (byKey.computeIfAbsent(s.file, k -> new HashMap<>()).put(s.splitStart, e) != null) {
        throw new IllegalStateException("Spark read the split at " + s.splitStart + " of "
            + s.file + " twice");
      }
      global += s.rows;
      inFile += s.rows + s.skipped;
    }
    totalRows = global;
  }

  long totalRows() {
    return totalRows;
  }

  private Entry entry(RowPosition p) {
    Entry e = byKey.getOrDefault(p.file(), Map.of()).get(p.splitStart());
    if (e == null) {
      throw new IllegalStateException("no split at " + p.splitStart() + " of " + p.file());
    }
    return e;
  }

  int fileIndex(RowPosition p) {
    return entry(p).fileIndex();
  }

  /**
   * The 0-based number of the row among the rows of its file, rows dropped under
   * --bad-records skip included (positions count every row the reader returned).
   */
  long rowInFile(RowPosition p) {
    return entry(p).fileStart() + p.offset();
  }

  /** Input order: file, then split, then row. */
  Comparator<RowPosition> order() {
    return Comparator.<RowPosition>comparingInt(this::fileIndex)
        .thenComparingLong(RowPosition::splitStart)
        .thenComparingLong(RowPosition::offset);
  }

  /** The global index of each split's first row, for the packing tasks. */
  public SegmentOffsets offsets() {
    Map<String, Map<Long, Long>> m = new HashMap<>();
    byKey.forEach((file, splits) -> {
      Map<Long, Long> starts = new HashMap<>();
      splits.forEach((start, e) -> starts.put(start, e.globalStart()));
      m.put(file, starts);
    });
    return new SegmentOffsets(m);
  }
}
