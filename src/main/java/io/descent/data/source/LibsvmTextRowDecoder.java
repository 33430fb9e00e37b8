package io.descent.data.source;

import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.sql.Row;

/**
 * LIBSVM rows read as text lines (field: the line) and parsed by {@link LibsvmLineParser}, the
 * parser that locates errors: used under --bad-records skip, where a malformed line must be
 * a bad row to drop rather than a failure of Spark's own reader. Spark's parser gives the
 * same label and features for every line both accept.
 */
final class LibsvmTextRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final LabelPolicy policy;
  private final Integer numFeatures;
  private transient LibsvmLineParser parser;

  LibsvmTextRowDecoder(LabelPolicy policy, Integer numFeatures) {
    this.policy = policy;
    this.numFeatures = numFeatures;
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    if (parser == null) {
      parser = new LibsvmLineParser(policy, numFeatures);
    }
    return parser.parse(row.getString(FIRST_DATA_FIELD), out);
  }
}
