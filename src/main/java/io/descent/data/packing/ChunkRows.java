package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.block.BlockBuilder;
import io.descent.block.FeaturePrecision;
import io.descent.data.diagnostics.InputChangedException;
import io.descent.data.diagnostics.SegmentOffsets;
import io.descent.data.labels.LabelMapping;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import java.util.Iterator;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The map side of the packing job: turns the rows of one input partition into CSR chunks keyed
 * by the global index of their first row. A chunk holds consecutive global indices of one
 * target partition, so the shuffle moves a few arrays instead of one object per row.
 */
final class ChunkRows implements PairFlatMapFunction<Iterator<Row>, Long, Block> {
  private static final long serialVersionUID = 1L;

  private final RowDecoder decoder;
  private final SegmentOffsets offsets;
  private final IndexRangePartitioner partitioner;
  private final LabelMapping mapping;
  private final int numFeatures;
  private final boolean weighted;
  private final int chunkRows;
  /** Drop the rows the scan dropped (--bad-records skip) instead of failing on them. */
  private final boolean skipBad;
  private final FeaturePrecision precision;

  ChunkRows(RowDecoder decoder, SegmentOffsets offsets, IndexRangePartitioner partitioner,
      LabelMapping mapping, int numFeatures, boolean weighted, int chunkRows, boolean skipBad,
      FeaturePrecision precision) {
    this.decoder = decoder;
    this.offsets = offsets;
    this.partitioner = partitioner;
    this.mapping = mapping;
    this.numFeatures = numFeatures;
    this.weighted = weighted;
    this.chunkRows = chunkRows;
    this.skipBad = skipBad;
    this.precision = precision;
  }

  @Override
  public Iterator<Tuple2<Long, Block>> call(Iterator<Row> rows) {
    return new Chunks(rows);
  }

  /** Reads rows lazily; a row that does not fit the current chunk waits for the next one. */
  private final class Chunks extends LazyIterator<Tuple2<Long, Block>> {
    private final Iterator<Row> rows;
    private final RowBuffer row = new RowBuffer();
    private final BlockBuilder chunk = new BlockBuilder(numFeatures, weighted, chunkRows, precision);
    private String file;
    private long splitStart = -1;
    private long nextIndex;
    private long chunkStart;
    /** Global index of the decoded row waiting in {@code row}, or -1. */
    private long pending = -1;

    Chunks(Iterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    Tuple2<Long, Block> advance() {
      while (true) {
        if (pending < 0) {
          if (!rows.hasNext()) {
            return flush();
          }
          pending = read(rows.next());
          if (pending < 0) {
            continue;
          }
        }
        int n = chunk.rows();
        if (n > 0 && (pending != chunkStart + n || n >= chunkRows
            || partitioner.startsPartition(pending))) {
          return flush();
        }
        if (n == 0) {
          chunkStart = pending;
        }
        chunk.add(trainingLabel(), row.weight, row.indices, row.values, 0, row.nnz);
        pending = -1;
      }
    }

    private double trainingLabel() {
      try {
        return mapping.toTraining(row.label);
      } catch (IllegalArgumentException e) {
        throw new InputChangedException("a label the scan did not see: " + e.getMessage());
      }
    }

    /**
     * Decodes one row into {@code row} and returns its global index, or -1 for a bad row that
     * is dropped: the same rows the scan dropped, since both decode the same split alike.
     */
    private long read(Row r) {
      String f = r.getString(0);
      long s = r.getLong(1);
      if (s != splitStart || !f.equals(file)) {
        file = f;
        splitStart = s;
        nextIndex = offsets.start(f, s);
      }
      RowProblem problem = decoder.decode(r, row);
      if (problem != null && skipBad) {
        return -1;
      }
      if (problem != null) {
        throw new InputChangedException("a row the scan accepted now fails: " + problem.message());
      }
      if (nextIndex >= partitioner.start(partitioner.numPartitions())) {
        throw new InputChangedException("there are more rows than the scan counted");
      }
      return nextIndex++;
    }

    private Tuple2<Long, Block> flush() {
      if (chunk.rows() == 0) {
        return null;
      }
      return new Tuple2<>(chunkStart, chunk.buildSparse());
    }
  }
}
