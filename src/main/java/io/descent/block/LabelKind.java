package io.descent.block;

/** What kind of label a loss trains on. */
public enum LabelKind {
  /** Any finite real value (squared loss). */
  REAL,
  /** Two values, trained as 0 and 1 (logistic, hinge). */
  BINARY,
  /** K integer values, trained as 0 … K-1 in sorted order (softmax). */
  CLASSES
}
