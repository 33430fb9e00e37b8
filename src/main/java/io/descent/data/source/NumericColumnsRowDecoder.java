package io.descent.data.source;

import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.Numbers;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.sql.Row;

/**
 * Parquet rows whose features are numeric columns, each already cast to double by the
 * query. Fields: label, [weight], one field per feature column, in file order.
 */
final class NumericColumnsRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final LabelWeightFields fields;
  private final String[] featureNames;

  NumericColumnsRowDecoder(LabelPolicy policy, String labelName, String weightName,
      String[] featureNames) {
    this.fields = new LabelWeightFields(policy, labelName, weightName);
    this.featureNames = featureNames.clone();
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    out.clear();
    RowProblem labelOrWeight = fields.read(row, out);
    if (labelOrWeight != null) {
      return labelOrWeight;
    }
    int field = fields.firstFeatureField();
    for (int j = 0; j < featureNames.length; j++, field++) {
      if (row.isNullAt(field)) {
        return new RowProblem(featureNames[j], "the value is missing");
      }
      double v = row.getDouble(field);
      if (!Double.isFinite(v)) {
        return new RowProblem(featureNames[j], "value " + Numbers.format(v) + " is not a finite number");
      }
      out.add(j, v);
    }
    return null;
  }
}
