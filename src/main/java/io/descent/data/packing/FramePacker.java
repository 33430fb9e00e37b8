package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.block.BlockBuilder;
import io.descent.block.FeaturePrecision;
import io.descent.data.diagnostics.InputChangedException;
import io.descent.data.labels.LabelMapping;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Packs one partition of an in-memory DataFrame's rows into Blocks where they are, in their
 * order: no shuffle, since a DataFrame's partitions already are the unit of work.
 */
public final class FramePacker implements FlatMapFunction<Iterator<Row>, Block> {
  private static final long serialVersionUID = 1L;

  private final RowDecoder decoder;
  private final LabelMapping mapping;
  private final int numFeatures;
  private final boolean weighted;
  private final int rowsPerBlock;
  private final FeaturePrecision precision;

  public FramePacker(RowDecoder decoder, LabelMapping mapping, int numFeatures, boolean weighted,
      int rowsPerBlock, FeaturePrecision precision) {
    this.decoder = decoder;
    this.mapping = mapping;
    this.numFeatures = numFeatures;
    this.weighted = weighted;
    this.rowsPerBlock = rowsPerBlock;
    this.precision = precision;
  }

  @Override
  public Iterator<Block> call(Iterator<Row> rows) {
    RowBuffer row = new RowBuffer();
    BlockBuilder block = new BlockBuilder(numFeatures, weighted, rowsPerBlock, precision);
    return new LazyIterator<Block>() {
      @Override
      Block advance() {
        while (rows.hasNext() && block.rows() < rowsPerBlock) {
          RowProblem problem = decoder.decode(rows.next(), row);
          if (problem != null) {
            throw new InputChangedException("a row the scan accepted now fails: " + problem.message());
          }
          block.add(mapping.toTraining(row.label), row.weight, row.indices, row.values, 0, row.nnz);
        }
        return block.rows() > 0 ? block.build() : null;
      }
    };
  }
}
