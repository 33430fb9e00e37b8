package io.descent.data.labels;

import io.descent.data.row.Numbers;
import io.descent.data.row.RowPosition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The label rules that need every distinct value: the binary conventions, the positive label,
 * the number of classes. Takes the distinct labels in order of first occurrence, so a broken
 * rule is pinned on the row whose label broke it.
 */
public final class LabelResolver {
  /** Most distinct labels softmax accepts. */
  static final int MAX_CLASSES = 100_000;

  /** The mapping, or a problem and the row it points at (null when no single row is to blame). */
  public record Resolution(LabelMapping mapping, String problem, RowPosition at) {
    static Resolution of(LabelMapping m) {
      return new Resolution(m, null, null);
    }

    static Resolution problem(String message, RowPosition at) {
      return new Resolution(null, message, at);
    }
  }

  private LabelResolver() {}

  /** How many distinct labels each scan task must record for {@link #resolve}. */
  public static int censusCap(LabelPolicy policy) {
    switch (policy.kind()) {
      case REAL:
        return 0;
      case BINARY:
        return 3;
      default:
        return MAX_CLASSES + 1;
    }
  }

  public static Resolution resolve(LabelPolicy policy, List<LabelValue> labels, boolean overflow) {
    switch (policy.kind()) {
      case REAL:
        return Resolution.of(LabelMapping.real());
      case BINARY:
        return policy.positiveLabel() == null ? conventional(labels) : withPositive(labels, policy.positiveLabel());
      default:
        return classes(labels, overflow);
    }
  }

  /** 0/1 or -1/+1; each value is already one of -1, 0, 1 (the row rule). */
  private static Resolution conventional(List<LabelValue> labels) {
    Set<Double> seen = new HashSet<>();
    for (LabelValue l : labels) {
      seen.add(l.value());
      if (seen.contains(0.0) && seen.contains(-1.0)) {
        String other = l.value() == 0 ? "-1" : "0";
        return Resolution.problem("label " + Numbers.format(l.value()) + " mixes the 0/1 and -1/+1"
            + " conventions with the label " + other + " before it;"
            + " pass --positive-label to name the positive class", l.first());
      }
    }
    if (seen.size() == 1) {
      // Spark ML warns and returns an infinite intercept; a nightly job is better stopped.
      double only = labels.get(0).value();
      return Resolution.problem("every label is " + Numbers.format(only) + ", so there is no "
          + (only > 0 ? "negative" : "positive") + " class: a binary loss needs rows of both"
          + " classes (an upstream filter or join may have dropped the other)", null);
    }
    return Resolution.of(seen.contains(-1.0) ? LabelMapping.binary(-1, 1) : LabelMapping.binary(0, 1));
  }

  private static Resolution withPositive(List<LabelValue> labels, double positive) {
    if (labels.size() > 2) {
      LabelValue third = labels.get(2);
      return Resolution.problem("label " + Numbers.format(third.value())
          + " is a third distinct value after " + Numbers.format(labels.get(0).value()) + " and "
          + Numbers.format(labels.get(1).value()) + ", and a binary loss takes two", third.first());
    }
    LabelValue negative = null;
    boolean positiveSeen = false;
    for (LabelValue l : labels) {
      if (l.value() == positive) {
        positiveSeen = true;
      } else {
        negative = l;
      }
    }
    if (!positiveSeen) {
      return Resolution.problem("the positive label " + Numbers.format(positive)
          + " does not occur among the labels (" + list(labels) + ")", null);
    }
    if (negative == null) {
      return Resolution.problem("every label is " + Numbers.format(positive)
          + ", the positive label, so there is no negative class", null);
    }
    return Resolution.of(LabelMapping.binary(negative.value(), positive));
  }

  private static Resolution classes(List<LabelValue> labels, boolean overflow) {
    if (overflow || labels.size() > MAX_CLASSES) {
      LabelValue first = labels.get(Math.min(MAX_CLASSES, labels.size() - 1));
      return Resolution.problem("label " + Numbers.format(first.value()) + " is one distinct value"
          + " too many: softmax takes at most " + MAX_CLASSES + " classes", first.first());
    }
    if (labels.size() < 2) {
      return Resolution.problem("every label is " + Numbers.format(labels.get(0).value())
          + ", and softmax needs at least two classes", null);
    }
    double[] values = labels.stream().mapToDouble(LabelValue::value).sorted().toArray();
    return Resolution.of(LabelMapping.classes(values));
  }

  private static String list(List<LabelValue> labels) {
    StringBuilder s = new StringBuilder();
    for (LabelValue l : labels) {
      s.append(s.length() == 0 ? "" : ", ").append(Numbers.format(l.value()));
    }
    return s.toString();
  }
}
