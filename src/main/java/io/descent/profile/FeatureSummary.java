package io.descent.profile;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature over a set of rows: how many rows have it non-zero, the sum and the sum of
 * squares of its values, and the histogram of its non-zero values in {@link ValueBins}.
 * {@code exact} is false when some partition did not report it (it was not among that
 * partition's most frequent features): its figures are then lower bounds.
 */
public record FeatureSummary(int index, long nonzeros, double sum, double sumOfSquares,
    Histogram bins, boolean exact) implements Serializable {

  /** The feature over {@code rows} rows, zeros included: the zero bin holds rows − nonzeros. */
  public Histogram withZeros(long rows) {
    return rows > nonzeros ? bins.plus(ValueBins.ZERO, rows - nonzeros) : bins;
  }

  public double mean(long rows) {
    return rows == 0 ? 0 : sum / rows;
  }

  /** The population standard deviation over all rows, zeros included. */
  public double std(long rows) {
    if (rows == 0) {
      return 0;
    }
    double m = sum / rows;
    return Math.sqrt(Math.max(0, sumOfSquares / rows - m * m));
  }

  FeatureSummary plus(FeatureSummary o, boolean stillExact) {
    return new FeatureSummary(index, nonzeros + o.nonzeros, sum + o.sum,
        sumOfSquares + o.sumOfSquares, bins.plus(o.bins), stillExact);
  }

  Map<String, Object> toJson(long rows, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", index);
    if (name != null) {
      m.put("name", name);
    }
    m.put("nonzeros", nonzeros);
    m.put("mean", mean(rows));
    m.put("std", std(rows));
    m.put("sum", sum);
    m.put("sumOfSquares", sumOfSquares);
    m.put("exact", exact);
    m.put("bins", bins.toJson());
    return m;
  }

  @SuppressWarnings("unchecked")
  static FeatureSummary fromJson(Map<String, Object> m) {
    return new FeatureSummary(((Number) m.get("index")).intValue(),
        ((Number) m.get("nonzeros")).longValue(), ((Number) m.get("sum")).doubleValue(),
        ((Number) m.get("sumOfSquares")).doubleValue(),
        Histogram.fromJson((List<List<Number>>) m.get("bins")),
        !Boolean.FALSE.equals(m.get("exact")));
  }
}
