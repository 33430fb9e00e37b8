package io.descent.loss;

/**
 * Which Spark MLlib model a loss's model is saved as. Named here, free of Spark, so that the
 * loss can answer; the export code maps each value to the Spark class.
 */
public enum MllibModelKind {
  /** org.apache.spark.mllib.regression.LinearRegressionModel */
  LINEAR_REGRESSION,
  /** org.apache.spark.mllib.classification.LogisticRegressionModel, binary */
  LOGISTIC_REGRESSION,
  /** org.apache.spark.mllib.classification.SVMModel */
  SVM,
  /** org.apache.spark.mllib.classification.LogisticRegressionModel over K classes */
  MULTINOMIAL_LOGISTIC_REGRESSION
}
