package io.descent.predict;

import io.descent.data.labels.LabelMapping;
import io.descent.predict.input.FeatureRow;
import io.descent.predict.input.RowMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows descent predict writes: {@code label} (the input's own value, only when the input
 * has labels), {@code prediction} (in the original label values), then {@code probability}
 * (logistic: P(positive); softmax: of the predicted class) or {@code margin} (hinge).
 */
final class PredictionRows {
  private PredictionRows() {}

  static StructType schema(Scorer scorer, boolean labelled) {
    StructType s = new StructType();
    if (labelled) {
      s = s.add("label", DataTypes.DoubleType, true);
    }
    s = s.add("prediction", DataTypes.DoubleType, false);
    if (scorer.scoreName() != null) {
      s = s.add(scorer.scoreName(), DataTypes.DoubleType, false);
    }
    return s;
  }

  /** One output row per input row; the scorer comes from a broadcast, read once per task. */
  static RowMapper<Row> mapper(Broadcast<Scorer> model) {
    return new RowMapper<Row>() {
      private static final long serialVersionUID = 1L;
      private transient Scorer scorer;
      private transient double[] margins;

      @Override
      public Row map(FeatureRow row) {
        if (scorer == null) {
          scorer = model.value();
          margins = new double[scorer.numOutputs()];
        }
        scorer.margins(row.indices(), row.values(), 0, row.size(), margins);
        LabelMapping labels = scorer.labels();
        List<Object> fields = new ArrayList<>(3);
        if (row.hasLabel()) {
          fields.add(Double.isNaN(row.label()) ? null : row.label());
        }
        fields.add(labels.toOriginal(scorer.predict(margins)));
        if (scorer.scoreName() != null) {
          fields.add(scorer.score(margins));
        }
        return RowFactory.create(fields.toArray());
      }
    };
  }
}
