package io.descent.data.source;

import io.descent.data.hashing.FeatureHashing;
import io.descent.data.hashing.HashedRow;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.Numbers;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.sql.Row;

/**
 * Parquet rows under feature hashing. Fields: label, [weight], then one field per feature
 * column in schema order: numeric columns cast to double (raw feature "column", its value),
 * string and boolean columns cast to string (raw feature "column=value", value 1). A null
 * adds nothing, as in Spark ML's FeatureHasher.
 */
final class HashedColumnsRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final LabelWeightFields fields;
  private final String[] featureNames;
  private final boolean[] categorical;
  private final FeatureHashing hashing;
  private transient HashedRow hashed;

  HashedColumnsRowDecoder(LabelPolicy policy, String labelName, String weightName,
      String[] featureNames, boolean[] categorical, FeatureHashing hashing) {
    this.fields = new LabelWeightFields(policy, labelName, weightName);
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
    RowProblem labelOrWeight = fields.read(row, out);
    if (labelOrWeight != null) {
      return labelOrWeight;
    }
    int field = fields.firstFeatureField();
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
