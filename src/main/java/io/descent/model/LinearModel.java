package io.descent.model;

import io.descent.block.LabelKind;
import io.descent.data.hashing.HashingScheme;
import io.descent.data.labels.LabelMapping;
import io.descent.data.source.NamedColumns;
import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained linear model: loss, parameter layout, the flat parameters, the label mapping,
 * the feature hashing that made its features (if any), the named columns they were read from
 * (if any) and how it was trained. {@link #toJson()} is model.json (format descent-model/1;
 * {@code featureHashing} and {@code columns} are optional, so models without them read as
 * before).
 */
public final class LinearModel {
  public static final String FORMAT = "descent-model/1";

  private final LossKind loss;
  private final ParamLayout layout;
  private final double[] params;
  private final LabelMapping labels;
  private final Map<String, Object> training;
  private final HashingScheme hashing;
  private final NamedColumns columns;

  public LinearModel(LossKind loss, ParamLayout layout, double[] params, LabelMapping labels,
      Map<String, Object> training) {
    this(loss, layout, params, labels, training, null);
  }

  /** With {@code hashing} non-null, the features were hashed from named columns by it. */
  public LinearModel(LossKind loss, ParamLayout layout, double[] params, LabelMapping labels,
      Map<String, Object> training, HashingScheme hashing) {
    this(loss, layout, params, labels, training, hashing, null);
  }

  /** With {@code columns} non-null, feature j was read from column {@code columns.features().get(j)}. */
  public LinearModel(LossKind loss, ParamLayout layout, double[] params, LabelMapping labels,
      Map<String, Object> training, HashingScheme hashing, NamedColumns columns) {
    if (params.length != layout.size()) {
      throw new IllegalArgumentException("params do not fit the layout " + layout);
    }
    this.loss = loss;
    this.layout = layout;
    this.params = params.clone();
    this.labels = labels;
    this.training = training;
    this.hashing = hashing;
    this.columns = columns;
    // Fewer columns than features when training was given a larger --num-features.
    if (columns != null && columns.features().size() > layout.numFeatures()) {
      throw new IllegalArgumentException(columns.features().size() + " feature columns do not fit "
          + layout.numFeatures() + " features");
    }
    if (hashing != null && hashing.buckets() != layout.numFeatures()) {
      throw new IllegalArgumentException("feature hashing into " + hashing.buckets()
          + " buckets does not fit " + layout.numFeatures() + " features");
    }
  }

  public LossKind loss() {
    return loss;
  }

  public ParamLayout layout() {
    return layout;
  }

  public double[] params() {
    return params.clone();
  }

  public LabelMapping labels() {
    return labels;
  }

  public Map<String, Object> training() {
    return training;
  }

  /** How the features were hashed from named columns, or null when they were not. */
  public HashingScheme hashing() {
    return hashing;
  }

  /** The named columns the features were read from, or null (vectors, hashing, LIBSVM, older models). */
  public NamedColumns columns() {
    return columns;
  }

  public boolean isSoftmax() {
    return layout.numOutputs() > 1;
  }

  /** Coefficients of output k. */
  public double[] coefficients(int k) {
    int d = layout.numFeatures();
    return Arrays.copyOfRange(params, k * d, (k + 1) * d);
  }

  public double intercept(int k) {
    return layout.hasIntercept() ? params[layout.interceptIndex(k)] : 0.0;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("loss", loss.cliName());
    m.put("numFeatures", layout.numFeatures());
    m.put("numClasses", labels.numClasses());
    m.put("fitIntercept", layout.hasIntercept());
    m.put("labels", labels.toJson());
    if (hashing != null) {
      m.put("featureHashing", hashing.toJson());
    }
    if (columns != null) {
      m.put("columns", columns.toJson());
    }
    if (isSoftmax()) {
      List<double[]> rows = new ArrayList<>();
      double[] b = new double[layout.numOutputs()];
      for (int k = 0; k < layout.numOutputs(); k++) {
        rows.add(coefficients(k));
        b[k] = intercept(k);
      }
      m.put("weights", rows);
      m.put("intercept", b);
    } else {
      m.put("weights", coefficients(0));
      m.put("intercept", intercept(0));
    }
    m.put("training", training);
    return m;
  }

  @SuppressWarnings("unchecked")
  public static LinearModel fromJson(Map<String, Object> m) {
    Object format = m.get("format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format is " + format + ", expected " + FORMAT);
    }
    Object lossName = m.get("loss");
    LossKind loss = LossKind.find(String.valueOf(lossName))
        .orElseThrow(() -> new IllegalArgumentException("unknown loss " + lossName));
    int d = ((Number) m.get("numFeatures")).intValue();
    boolean fitIntercept = Boolean.TRUE.equals(m.get("fitIntercept"));
    LabelMapping labels = LabelMapping.fromJson((Map<String, Object>) m.get("labels"));
    Object w = m.get("weights");
    List<List<Number>> rows = new ArrayList<>();
    List<Number> intercepts = new ArrayList<>();
    // K classes are stored as K weight rows, one per class.
    if (loss.labels() == LabelKind.CLASSES) {
      rows.addAll((List<List<Number>>) w);
      intercepts.addAll((List<Number>) m.get("intercept"));
    } else {
      rows.add((List<Number>) w);
      intercepts.add((Number) m.get("intercept"));
    }
    ParamLayout layout = new ParamLayout(d, rows.size(), fitIntercept);
    double[] p = new double[layout.size()];
    for (int k = 0; k < rows.size(); k++) {
      List<Number> row = rows.get(k);
      if (row.size() != d) {
        throw new IllegalArgumentException("weights row " + k + " has " + row.size()
            + " entries, numFeatures is " + d);
      }
      for (int j = 0; j < d; j++) {
        p[layout.coefficientIndex(k, j)] = row.get(j).doubleValue();
      }
      if (fitIntercept) {
        p[layout.interceptIndex(k)] = intercepts.get(k).doubleValue();
      }
    }
    Map<String, Object> training = (Map<String, Object>) m.getOrDefault("training", Map.of());
    Object hashing = m.get("featureHashing");
    Object columns = m.get("columns");
    return new LinearModel(loss, layout, p, labels, training,
        hashing == null ? null : HashingScheme.fromJson((Map<String, Object>) hashing),
        columns == null ? null : NamedColumns.fromJson((Map<String, Object>) columns));
  }
}
