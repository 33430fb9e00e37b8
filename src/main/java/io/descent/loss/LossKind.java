package io.descent.loss;

import io.descent.BadInputException;
import io.descent.block.LabelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The registry of losses: each one's name and everything the rest of Descent asks of a loss
 * beyond its math: the labels it trains on, how its margins become predictions, its metric
 * names, whether newton can use it, and the Spark MLlib model it is saved as. Configuration,
 * help text, scoring, evaluation and export read these answers and never the name, so a new
 * loss is its {@link Loss} class and one constant here.
 */
public enum LossKind {
  SQUARED("squared", LabelKind.REAL, Link.IDENTITY, HoldoutMetric.RMSE, null, Hessian.MATRIX,
      MllibModelKind.LINEAR_REGRESSION, numClasses -> new SquaredLoss()),
  LOGISTIC("logistic", LabelKind.BINARY, Link.SIGMOID, HoldoutMetric.ACCURACY, "logLoss",
      Hessian.MATRIX, MllibModelKind.LOGISTIC_REGRESSION, numClasses -> new LogisticLoss()),
  HINGE("hinge", LabelKind.BINARY, Link.SIGN, HoldoutMetric.ACCURACY, "hingeLoss", Hessian.NONE,
      MllibModelKind.SVM, numClasses -> new HingeLoss()),
  SQUARED_HINGE("squared_hinge", LabelKind.BINARY, Link.SIGN, HoldoutMetric.ACCURACY,
      "squaredHingeLoss", Hessian.MATRIX, MllibModelKind.SVM,
      numClasses -> new SquaredHingeLoss()),
  SOFTMAX("softmax", LabelKind.CLASSES, Link.SOFTMAX, HoldoutMetric.ACCURACY, "logLoss",
      Hessian.PRODUCTS, MllibModelKind.MULTINOMIAL_LOGISTIC_REGRESSION, SoftmaxLoss::new);

  /** What of the data term's Hessian a second-order method can get from this loss. */
  public enum Hessian {
    /** None: ℓ has kinks (hinge). */
    NONE,
    /** Hessian-vector products and the diagonal, over K outputs (tron). */
    PRODUCTS,
    /** Those and the explicit matrix, from one scalar ∂²ℓ/∂m² per row (newton). */
    MATRIX
  }

  private final String cliName;
  private final LabelKind labels;
  private final Link link;
  private final HoldoutMetric holdoutMetric;
  private final String meanLossMetric;
  private final Hessian hessian;
  private final MllibModelKind mllibModel;
  private final IntFunction<Loss> factory;

  LossKind(String cliName, LabelKind labels, Link link, HoldoutMetric holdoutMetric,
      String meanLossMetric, Hessian hessian, MllibModelKind mllibModel,
      IntFunction<Loss> factory) {
    this.cliName = cliName;
    this.labels = labels;
    this.link = link;
    this.holdoutMetric = holdoutMetric;
    this.meanLossMetric = meanLossMetric;
    this.hessian = hessian;
    this.mllibModel = mllibModel;
    this.factory = factory;
  }

  /** The name on the command line, in configuration files and in model.json. */
  public String cliName() {
    return cliName;
  }

  /** What labels the loss trains on: real values, two classes, or K classes. */
  public LabelKind labels() {
    return labels;
  }

  /** Everything but regression predicts a class. */
  public boolean isClassifier() {
    return labels != LabelKind.REAL;
  }

  public Link link() {
    return link;
  }

  public HoldoutMetric holdoutMetric() {
    return holdoutMetric;
  }

  /**
   * The name descent evaluate gives the mean loss ("logLoss", "hingeLoss", …); null for the
   * regression, which reports rmse, mae and r² instead.
   */
  public String meanLossMetric() {
    return meanLossMetric;
  }

  /** Whether newton can use it: a scalar second derivative per row. */
  public boolean hasSecondOrder() {
    return hessian == Hessian.MATRIX;
  }

  /** Whether it gives at least {@code needed} of its Hessian. */
  public boolean hasHessian(Hessian needed) {
    return hessian.compareTo(needed) >= 0;
  }

  /** The command-line names of the losses that give at least {@code needed}, in order. */
  public static List<String> namesWith(Hessian needed) {
    List<String> names = new ArrayList<>();
    for (LossKind k : values()) {
      if (k.hessian.compareTo(needed) >= 0) {
        names.add(k.cliName);
      }
    }
    return names;
  }

  public MllibModelKind mllibModel() {
    return mllibModel;
  }

  /** The loss's math; {@code numClasses} is read by softmax only. */
  public Loss create(int numClasses) {
    return factory.apply(numClasses);
  }

  /** Messages print the command-line name. */
  @Override
  public String toString() {
    return cliName;
  }

  /** The command-line names, in this order. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (LossKind k : values()) {
      names.add(k.cliName);
    }
    return names;
  }

  public static Optional<LossKind> find(String cliName) {
    for (LossKind k : values()) {
      if (k.cliName.equals(cliName)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The loss of that name, or a BadInputException naming the known ones. */
  public static LossKind named(String cliName) {
    return find(cliName).orElseThrow(() -> new BadInputException("--loss: unknown loss \""
        + cliName + "\"; use one of " + String.join(", ", names()) + "."));
  }
}
