package io.descent.predict.input;

import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/** A scoring task: decodes rows lazily, one at a time, and maps each to a result. */
final class ScoringPartition<T> implements FlatMapFunction<Iterator<Row>, T> {
  private static final long serialVersionUID = 1L;

  private final RowDecoder decoder;
  private final boolean labelled;
  private final RowMapper<T> mapper;

  ScoringPartition(RowDecoder decoder, boolean labelled, RowMapper<T> mapper) {
    this.decoder = decoder;
    this.labelled = labelled;
    this.mapper = mapper;
  }

  @Override
  public Iterator<T> call(Iterator<Row> rows) {
    BufferRow row = new BufferRow(labelled);
    return new Iterator<T>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public T next() {
        RowProblem problem = decoder.decode(rows.next(), row.buffer);
        if (problem != null) {
          throw new RowRejectedException(problem.message());
        }
        return mapper.map(row);
      }
    };
  }

  /** The public view of the reused row buffer. */
  private static final class BufferRow implements FeatureRow {
    private final RowBuffer buffer = new RowBuffer();
    private final boolean labelled;

    BufferRow(boolean labelled) {
      this.labelled = labelled;
    }

    @Override
    public boolean hasLabel() {
      return labelled;
    }

    @Override
    public double label() {
      return buffer.label;
    }

    @Override
    public int size() {
      return buffer.nnz;
    }

    @Override
    public int[] indices() {
      return buffer.indices;
    }

    @Override
    public double[] values() {
      return buffer.values;
    }
  }
}
