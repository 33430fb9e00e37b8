package io.descent.data.labels;

import io.descent.BadInputException;
import io.descent.block.LabelKind;
import io.descent.data.row.Numbers;
import java.io.Serializable;
import java.util.Objects;

/** What the loss needs of labels. */
public final class LabelPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LabelKind kind;
  private final Double positiveLabel;
  /** Scoring only: a row without a label (an empty cell, a null) is read, its label NaN. */
  private final boolean missingAllowed;

  private LabelPolicy(LabelKind kind, Double positiveLabel) {
    this(kind, positiveLabel, false);
  }

  private LabelPolicy(LabelKind kind, Double positiveLabel, boolean missingAllowed) {
    this.kind = kind;
    this.positiveLabel = positiveLabel;
    this.missingAllowed = missingAllowed;
  }

  /**
   * Predict: labels are passed through, not used, so any finite real or none at all (an empty
   * CSV cell or a null in Parquet reads as NaN, written back as an empty label).
   */
  public static LabelPolicy realOrMissing() {
    return new LabelPolicy(LabelKind.REAL, null, true);
  }

  /** Whether a row may lack its label ({@link #realOrMissing}). */
  public boolean allowsMissing() {
    return missingAllowed;
  }

  /** Squared loss: any finite real. */
  public static LabelPolicy real() {
    return new LabelPolicy(LabelKind.REAL, null);
  }

  /**
   * Logistic or hinge: 0/1 or -1/+1 as they come, or any two values of which
   * {@code positiveLabel} (may be null) trains as 1.
   */
  public static LabelPolicy binary(Double positiveLabel) {
    if (positiveLabel != null && !Double.isFinite(positiveLabel)) {
      throw new BadInputException("the positive label " + positiveLabel + " is not a finite number");
    }
    return new LabelPolicy(LabelKind.BINARY, positiveLabel == null ? null : positiveLabel + 0.0);
  }

  /** Softmax: integer labels, sorted values train as 0 … K-1. */
  public static LabelPolicy classes() {
    return new LabelPolicy(LabelKind.CLASSES, null);
  }

  /** The policy for labels of that kind; {@code positiveLabel} is read for binary labels only. */
  public static LabelPolicy of(LabelKind kind, Double positiveLabel) {
    switch (kind) {
      case REAL:
        return real();
      case CLASSES:
        return classes();
      default:
        return binary(positiveLabel);
    }
  }

  public LabelKind kind() {
    return kind;
  }

  public Double positiveLabel() {
    return positiveLabel;
  }

  /**
   * What is wrong with one row's label on its own, or null. The rules that need all labels
   * (how many distinct values, whether the positive label occurs) are {@link LabelResolver}'s.
   */
  public String rowProblem(double label) {
    if (!Double.isFinite(label)) {
      return "label " + Numbers.format(label) + " is not a finite number";
    }
    if (kind == LabelKind.BINARY && positiveLabel == null
        && label != 0 && label != 1 && label != -1) {
      return "label " + Numbers.format(label) + " is neither 0/1 nor -1/+1;"
          + " pass --positive-label to name the positive class";
    }
    if (kind == LabelKind.CLASSES && label != Math.rint(label)) {
      return "label " + Numbers.format(label) + " is not an integer class";
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelPolicy p && p.kind == kind && Objects.equals(p.positiveLabel, positiveLabel)
        && p.missingAllowed == missingAllowed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, positiveLabel, missingAllowed);
  }

  @Override
  public String toString() {
    String s = positiveLabel == null ? kind.toString() : kind + "(positive " + Numbers.format(positiveLabel) + ")";
    return missingAllowed ? s + " or missing" : s;
  }
}
