package io.descent.data.source;

import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowChecks;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * The label and optional weight fields that open every decoded Spark row (after the
 * position fields), checked the same way for every column-based format: a missing or unusable
 * label, or a missing or invalid weight, is a problem naming its column.
 */
final class LabelWeightFields implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LabelPolicy policy;
  private final String labelName;
  /** Null when the rows carry no weight field. */
  private final String weightName;

  LabelWeightFields(LabelPolicy policy, String labelName, String weightName) {
    this.policy = policy;
    this.labelName = labelName;
    this.weightName = weightName;
  }

  /** Reads the label (and weight) into {@code out}; the problem, or null. */
  RowProblem read(Row row, RowBuffer out) {
    int field = RowDecoder.FIRST_DATA_FIELD;
    if (row.isNullAt(field)) {
      if (!policy.allowsMissing()) {
        return new RowProblem(labelName, "the label is missing");
      }
      out.label = Double.NaN;
    } else {
      out.label = row.getDouble(field) + 0.0;
      String labelProblem = policy.rowProblem(out.label);
      if (labelProblem != null) {
        return new RowProblem(labelName, labelProblem);
      }
    }
    if (weightName != null) {
      field++;
      if (row.isNullAt(field)) {
        return new RowProblem(weightName, "the weight is missing");
      }
      out.weight = row.getDouble(field);
      String weightProblem = RowChecks.weightProblem(out.weight);
      if (weightProblem != null) {
        return new RowProblem(weightName, weightProblem);
      }
    }
    return null;
  }

  /** The first field after the label and weight: where the features start. */
  int firstFeatureField() {
    return RowDecoder.FIRST_DATA_FIELD + (weightName != null ? 2 : 1);
  }
}
