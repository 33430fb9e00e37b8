package io.descent.predict.input;

import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.sql.Row;

/**
 * Decodes as another decoder of vector rows and also requires each vector to have the
 * model's size: a vector of another size was made for another feature set, and scoring it
 * would be silently wrong.
 */
final class VectorSizeDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final RowDecoder inner;
  private final int size;
  private final String columnName;

  VectorSizeDecoder(RowDecoder inner, int size, String columnName) {
    this.inner = inner;
    this.size = size;
    this.columnName = columnName;
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    RowProblem problem = inner.decode(row, out);
    if (problem != null || out.vectorSize == size) {
      return problem;
    }
    return new RowProblem(columnName, "the vector has " + out.vectorSize + " entries; the model has "
        + size + " features");
  }
}
