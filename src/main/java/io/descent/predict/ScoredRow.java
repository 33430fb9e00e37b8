package io.descent.predict;

import java.io.Serializable;

/**
 * One evaluated row, in training labels (0/1, class index or real value): the label, the
 * prediction, the score (see {@link Scorer#score}) and the row's loss under the model's own
 * loss (log loss for logistic and softmax, hinge loss, or ½ squared error).
 */
record ScoredRow(double label, double prediction, double score, double loss) implements Serializable {}
