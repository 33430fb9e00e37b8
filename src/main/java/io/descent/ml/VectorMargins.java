package io.descent.ml;

import io.descent.predict.Scorer;
import java.io.Serializable;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/** A Spark ML vector's margins under a model, through the same {@link Scorer} as descent predict. */
final class VectorMargins implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Scorer scorer;

  VectorMargins(Scorer scorer) {
    this.scorer = scorer;
  }

  Scorer scorer() {
    return scorer;
  }

  double[] of(Vector v) {
    double[] margins = new double[scorer.numOutputs()];
    int d = scorer.numFeatures();
    if (v instanceof SparseVector sv) {
      int[] idx = sv.indices();
      if (idx.length > 0 && idx[idx.length - 1] >= d) {
        throw beyond(idx[idx.length - 1], d);
      }
      scorer.margins(idx, sv.values(), 0, idx.length, margins);
      return margins;
    }
    double[] x = ((DenseVector) v).values();
    int[] idx = new int[x.length];
    double[] val = new double[x.length];
    int n = 0;
    for (int j = 0; j < x.length; j++) {
      if (x[j] != 0) {
        if (j >= d) {
          throw beyond(j, d);
        }
        idx[n] = j;
        val[n++] = x[j];
      }
    }
    scorer.margins(idx, val, 0, n, margins);
    return margins;
  }

  private static IllegalArgumentException beyond(int index, int d) {
    return new IllegalArgumentException("feature vector entry " + index + " is beyond the model's "
        + d + " features");
  }
}
