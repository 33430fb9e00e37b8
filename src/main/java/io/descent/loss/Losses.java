package io.descent.loss;

import io.descent.BadInputException;

/** Looks a loss up by its command-line name. */
public final class Losses {
  public static final String NAMES = "squared, logistic, hinge, softmax";

  private Losses() {}

  /** @param numClasses used by softmax only */
  public static Loss byName(String name, int numClasses) {
    switch (name) {
      case "squared":
        return new SquaredLoss();
      case "logistic":
        return new LogisticLoss();
      case "hinge":
        return new HingeLoss();
      case "softmax":
        return new SoftmaxLoss(numClasses);
      default:
        throw new BadInputException("--loss: unknown loss \"" + name + "\"; use one of " + NAMES + ".");
    }
  }

  public static boolean isKnown(String name) {
    return name.equals("squared") || name.equals("logistic") || name.equals("hinge")
        || name.equals("softmax");
  }
}
