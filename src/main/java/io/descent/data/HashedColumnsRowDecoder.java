package io.descent.data;

import org.apache.spark.sql.Row;

/**
 * Parquet rows under feature hashing. Fields: label, [weight], then one field per feature
 * column in schema order: numeric columns cast to double (raw feature "column", its value),
 * string and boolean columns cast to string (raw feature "column=value", value 1). A null
 * adds nothing, as in Spark ML's FeatureHasher.
 */
final class HashedColumnsRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final LabelPolicy policy;
  private final String labelName;
  private final String weightName;
  private final String[] featureNames;
  private final boolean[] categorical;
  private final FeatureHashing hashing;
  private transient HashedRow hashed;

  HashedColumnsRowDecoder(LabelPolicy policy, String labelName, String weightName,
      String[] featureNames, boolean[] categorical, FeatureHashing hashing) {
    this.policy = policy;
    this.labelName = labelName;
    this.weightName = weightName;
    this.featureNames = featureNames.clone();
    this.categorical = categorical.clone();
    this.hashing = hashing;
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    out.clear();
    if (hashed == null) {
      hashed = new HashedRow(hashing);
    }
    hashed.clear();
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
        continue;
      }
      if (categorical[j]) {
        hashed.add(featureNames[j] + "=" + row.getString(field), 1.0);
        continue;
      }
      double v = row.getDouble(field);
      if (!Double.isFinite(v)) {
        return new RowProblem(featureNames[j], "value " + Numbers.format(v) + " is not a finite number");
      }
      hashed.add(featureNames[j], v);
    }
    hashed.flushInto(out);
    return null;
  }
}
