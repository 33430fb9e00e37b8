package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.block.BlockBuilder;
import io.descent.block.FeaturePrecision;
import io.descent.data.diagnostics.InputChangedException;
import java.util.Iterator;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * The reduce side of the packing job: receives one target partition's chunks sorted by their
 * first global index, checks they tile the partition's range exactly, and re-cuts the rows
 * into blocks of {@code rowsPerBlock} rows in the smaller layout.
 */
final class PartitionPacker
    implements Function2<Integer, Iterator<Tuple2<Long, Block>>, Iterator<Block>> {
  private static final long serialVersionUID = 1L;

  private final IndexRangePartitioner partitioner;
  private final int numFeatures;
  private final boolean weighted;
  private final int rowsPerBlock;
  private final FeaturePrecision precision;

  PartitionPacker(IndexRangePartitioner partitioner, int numFeatures, boolean weighted,
      int rowsPerBlock, FeaturePrecision precision) {
    this.partitioner = partitioner;
    this.numFeatures = numFeatures;
    this.weighted = weighted;
    this.rowsPerBlock = rowsPerBlock;
    this.precision = precision;
  }

  @Override
  public Iterator<Block> call(Integer partition, Iterator<Tuple2<Long, Block>> chunks) {
    return new Blocks(chunks, partitioner.start(partition), partitioner.start(partition + 1));
  }

  private final class Blocks extends LazyIterator<Block> {
    private final Iterator<Tuple2<Long, Block>> chunks;
    private final long end;
    private final BlockBuilder block = new BlockBuilder(numFeatures, weighted, rowsPerBlock, precision);
    private long nextIndex;
    private Block chunk;
    private int row;

    Blocks(Iterator<Tuple2<Long, Block>> chunks, long start, long end) {
      this.chunks = chunks;
      this.nextIndex = start;
      this.end = end;
    }

    @Override
    Block advance() {
      while (block.rows() < rowsPerBlock) {
        if (chunk == null || row == chunk.numRows()) {
          if (!chunks.hasNext()) {
            if (nextIndex != end) {
              throw new InputChangedException("rows " + nextIndex + " to " + (end - 1) + " are missing");
            }
            return block.rows() == 0 ? null : block.build();
          }
          Tuple2<Long, Block> c = chunks.next();
          if (c._1() != nextIndex) {
            throw new InputChangedException("expected row " + nextIndex + " but got row " + c._1());
          }
          chunk = c._2();
          row = 0;
          nextIndex += chunk.numRows();
        }
        int[] starts = chunk.rowStart();
        if (chunk.isFloat()) {
          block.add(chunk.label(row), chunk.weight(row), chunk.indices(), chunk.floatValues(),
              starts[row], starts[row + 1]);
        } else {
          block.add(chunk.label(row), chunk.weight(row), chunk.indices(), chunk.values(),
              starts[row], starts[row + 1]);
        }
        row++;
      }
      return block.build();
    }
  }
}
