package io.descent.data.labels;

import io.descent.block.LabelKind;
import io.descent.data.row.Numbers;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The mapping from original label values to training labels, recorded in model.json. */
public final class LabelMapping implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LabelKind kind;
  /** Empty for REAL; {negative, positive} for BINARY; sorted distinct values for CLASSES. */
  private final double[] values;

  private LabelMapping(LabelKind kind, double[] values) {
    this.kind = kind;
    this.values = values;
  }

  public static LabelMapping real() {
    return new LabelMapping(LabelKind.REAL, new double[0]);
  }

  /** Trains {@code negativeValue} as 0 and {@code positiveValue} as 1. */
  public static LabelMapping binary(double negativeValue, double positiveValue) {
    requireFinite(negativeValue);
    requireFinite(positiveValue);
    if (negativeValue == positiveValue) {
      throw new IllegalArgumentException("the negative and positive labels are both "
          + Numbers.format(positiveValue));
    }
    return new LabelMapping(LabelKind.BINARY, new double[] {negativeValue + 0.0, positiveValue + 0.0});
  }

  /** Trains the k-th smallest value as k. */
  public static LabelMapping classes(double[] sortedDistinctValues) {
    double[] v = sortedDistinctValues.clone();
    if (v.length < 2) {
      throw new IllegalArgumentException("a class mapping needs at least two values");
    }
    for (int k = 0; k < v.length; k++) {
      requireFinite(v[k]);
      v[k] += 0.0; // -0.0 becomes 0.0, so binary search finds it
      if (k > 0 && !(v[k] > v[k - 1])) {
        throw new IllegalArgumentException("class values must be sorted and distinct: "
            + Arrays.toString(sortedDistinctValues));
      }
    }
    return new LabelMapping(LabelKind.CLASSES, v);
  }

  private static void requireFinite(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("label value " + v + " is not finite");
    }
  }

  public LabelKind kind() {
    return kind;
  }

  /** 1 for REAL, 2 for BINARY, K for CLASSES. */
  public int numClasses() {
    return kind == LabelKind.REAL ? 1 : values.length;
  }

  /** Empty for REAL; {negative, positive} for BINARY; the sorted values for CLASSES. */
  public double[] originalValues() {
    return values.clone();
  }

  /** The training label of an original label; IllegalArgumentException outside the mapping. */
  public double toTraining(double original) {
    switch (kind) {
      case REAL:
        requireFinite(original);
        return original;
      case BINARY:
        if (original == values[0]) {
          return 0;
        }
        if (original == values[1]) {
          return 1;
        }
        break;
      default:
        int k = Arrays.binarySearch(values, original + 0.0);
        if (k >= 0) {
          return k;
        }
    }
    throw new IllegalArgumentException("label " + Numbers.format(original)
        + " is not one of " + describeValues());
  }

  /** The original label of a training label (0/1 for BINARY, a class index for CLASSES). */
  public double toOriginal(double trainingLabel) {
    switch (kind) {
      case REAL:
        return trainingLabel;
      default:
        int k = (int) trainingLabel;
        if (k == trainingLabel && k >= 0 && k < values.length) {
          return values[k];
        }
        throw new IllegalArgumentException("training label " + Numbers.format(trainingLabel)
            + " is not between 0 and " + (values.length - 1));
    }
  }

  private String describeValues() {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : ", ").append(Numbers.format(v));
    }
    return s.toString();
  }

  /** {"kind":"real"}, {"kind":"binary","negative":-1.0,"positive":1.0} or {"kind":"classes","values":[…]}. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind.name().toLowerCase(Locale.ROOT));
    if (kind == LabelKind.BINARY) {
      m.put("negative", values[0]);
      m.put("positive", values[1]);
    } else if (kind == LabelKind.CLASSES) {
      List<Double> list = new ArrayList<>(values.length);
      for (double v : values) {
        list.add(v);
      }
      m.put("values", list);
    }
    return m;
  }

  /** The inverse of {@link #toJson()}; IllegalArgumentException when a field is missing or wrong. */
  public static LabelMapping fromJson(Map<String, Object> json) {
    if (json == null) {
      throw new IllegalArgumentException("the label mapping is missing");
    }
    Object kind = json.get("kind");
    if ("real".equals(kind)) {
      return real();
    }
    if ("binary".equals(kind)) {
      return binary(number(json, "negative"), number(json, "positive"));
    }
    if ("classes".equals(kind)) {
      Object list = json.get("values");
      if (!(list instanceof List<?> items)) {
        throw new IllegalArgumentException("the class label mapping has no \"values\" list");
      }
      double[] v = new double[items.size()];
      for (int k = 0; k < v.length; k++) {
        if (!(items.get(k) instanceof Number n)) {
          throw new IllegalArgumentException("class value " + items.get(k) + " is not a number");
        }
        v[k] = n.doubleValue();
      }
      return classes(v);
    }
    throw new IllegalArgumentException("label mapping kind " + kind + " is not real, binary or classes");
  }

  private static double number(Map<String, Object> json, String key) {
    if (json.get(key) instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("the binary label mapping has no number \"" + key + "\"");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMapping m && m.kind == kind && Arrays.equals(m.values, values);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
