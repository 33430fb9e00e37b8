package io.descent.profile;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The features a profile does not list one by one, together: their non-zero values' count,
 * sum and sum of squares. {@code features} counts them per partition (a feature present in
 * two partitions counts twice), so it is only a size hint.
 */
public record OtherFeatures(long features, long nonzeros, double sum, double sumOfSquares)
    implements Serializable {
  public static final OtherFeatures NONE = new OtherFeatures(0, 0, 0, 0);

  OtherFeatures plus(OtherFeatures o) {
    return new OtherFeatures(features + o.features, nonzeros + o.nonzeros, sum + o.sum,
        sumOfSquares + o.sumOfSquares);
  }

  /** The mean of their non-zero values (0 when there are none). */
  public double nonzeroMean() {
    return nonzeros == 0 ? 0 : sum / nonzeros;
  }

  public double nonzeroStd() {
    if (nonzeros == 0) {
      return 0;
    }
    double m = sum / nonzeros;
    return Math.sqrt(Math.max(0, sumOfSquares / nonzeros - m * m));
  }

  Map<String, Object> toJson(long rows) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nonzeros", nonzeros);
    m.put("nonzerosPerRow", rows == 0 ? 0.0 : (double) nonzeros / rows);
    m.put("nonzeroMean", nonzeroMean());
    m.put("nonzeroStd", nonzeroStd());
    m.put("sum", sum);
    m.put("sumOfSquares", sumOfSquares);
    return m;
  }

  static OtherFeatures fromJson(Map<String, Object> m) {
    return m == null ? NONE : new OtherFeatures(0, ((Number) m.get("nonzeros")).longValue(),
        ((Number) m.get("sum")).doubleValue(), ((Number) m.get("sumOfSquares")).doubleValue());
  }
}
