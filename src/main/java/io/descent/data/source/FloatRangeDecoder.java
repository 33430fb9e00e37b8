package io.descent.data.source;

import io.descent.data.row.Numbers;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.sql.Row;

/**
 * Decodes as another decoder and also rejects a feature value too large for a float, under
 * --feature-precision float: stored as a float it would become an infinity. Both the scan and
 * the packing decode through it, so a bad row is located (file and line) and, under
 * --bad-records skip, dropped by both alike. Values below the float range merely round
 * toward zero.
 */
public final class FloatRangeDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final RowDecoder inner;

  public FloatRangeDecoder(RowDecoder inner) {
    this.inner = inner;
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    RowProblem problem = inner.decode(row, out);
    if (problem != null) {
      return problem;
    }
    for (int p = 0; p < out.nnz; p++) {
      if (Float.isInfinite((float) out.values[p])) {
        return new RowProblem(null, "feature value " + Numbers.format(out.values[p])
            + " is beyond the float range (±" + Float.MAX_VALUE + ") of --feature-precision float");
      }
    }
    return null;
  }
}
