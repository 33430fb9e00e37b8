package io.descent.data;

import org.apache.spark.sql.Row;

/**
 * Parquet rows whose features are numeric columns, each already cast to double by the
 * query. Fields: label, [weight], one field per feature column, in file order.
 */
final class NumericColumnsRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final LabelPolicy policy;
  private final String labelName;
  private final String weightName;
  private final String[] featureNames;

  NumericColumnsRowDecoder(LabelPolicy policy, String labelName, String weightName,
      String[] featureNames) {
    this.policy = policy;
    this.labelName = labelName;
    this.weightName = weightName;
    this.featureNames = featureNames.clone();
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    out.clear();
    int field = FIRST_DATA_FIELD;
    if (row.isNullAt(field)) {
      return new RowProblem(labelName, "the label is missing");
    }
    out.label = row.getDouble(field) + 0.0;
    String labelProblem = policy.rowProblem(out.label);
    if (labelProblem != null) {
      return new RowProblem(labelName, labelProblem);
    }
    field++;
    if (weightName != null) {
      if (row.isNullAt(field)) {
        return new RowProblem(weightName, "the weight is missing");
      }
      out.weight = row.getDouble(field);
      String weightProblem = RowChecks.weightProblem(out.weight);
      if (weightProblem != null) {
        return new RowProblem(weightName, weightProblem);
      }
      field++;
    }
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
