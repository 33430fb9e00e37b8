package io.descent.data.source;

import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.Numbers;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Rows whose features are one Spark ML vector: LIBSVM (label, features) and Parquet with a
 * vector column. Fields: label, [weight], features. Column names are null for LIBSVM, whose
 * messages then name 1-based feature indices as written in the file.
 */
public final class VectorRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final LabelWeightFields fields;
  private final String featuresName;
  /** Indices must stay below this, or Integer.MAX_VALUE when numFeatures was not given. */
  private final int indexLimit;

  /** {@code weightName} null: the rows have no weight field. */
  public VectorRowDecoder(LabelPolicy policy, String labelName, String weightName,
      String featuresName, Integer numFeatures) {
    this.fields = new LabelWeightFields(policy, labelName, weightName);
    this.featuresName = featuresName;
    this.indexLimit = numFeatures == null ? Integer.MAX_VALUE : numFeatures;
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    out.clear();
    RowProblem labelOrWeight = fields.read(row, out);
    if (labelOrWeight != null) {
      return labelOrWeight;
    }
    int field = fields.firstFeatureField();
    if (row.isNullAt(field)) {
      return new RowProblem(featuresName, "the feature vector is missing");
    }
    Vector v = (Vector) row.get(field);
    out.vectorSize = v.size();
    if (v instanceof SparseVector sv) {
      int[] idx = sv.indices();
      double[] val = sv.values();
      for (int k = 0; k < idx.length; k++) {
        RowProblem p = addFeature(out, idx[k], val[k]);
        if (p != null) {
          return p;
        }
      }
    } else {
      double[] val = ((DenseVector) v).values();
      for (int i = 0; i < val.length; i++) {
        RowProblem p = addFeature(out, i, val[i]);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private RowProblem addFeature(RowBuffer out, int index, double value) {
    if (!Double.isFinite(value)) {
      return new RowProblem(featuresName, name(index) + " is " + Numbers.format(value)
          + ", not a finite number");
    }
    if (index >= indexLimit) {
      return new RowProblem(featuresName, name(index) + " is beyond numFeatures " + indexLimit);
    }
    out.add(index, value);
    return null;
  }

  private String name(int index) {
    return featuresName == null ? "feature index " + (index + 1) : "entry " + index;
  }
}
