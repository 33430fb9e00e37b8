package io.descent.predict.input;

import io.descent.data.labels.LabelMapping;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.sql.Row;

/**
 * Decodes as another decoder and also requires the label to be one the model was trained
 * on (evaluation compares predictions with labels, so an unseen class is an input error).
 */
final class KnownLabelDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final RowDecoder inner;
  private final LabelMapping mapping;
  private final String labelName;

  KnownLabelDecoder(RowDecoder inner, LabelMapping mapping, String labelName) {
    this.inner = inner;
    this.mapping = mapping;
    this.labelName = labelName;
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    RowProblem problem = inner.decode(row, out);
    if (problem != null) {
      return problem;
    }
    try {
      mapping.toTraining(out.label);
      return null;
    } catch (IllegalArgumentException e) {
      return new RowProblem(labelName, e.getMessage() + ", the labels the model was trained on");
    }
  }
}
