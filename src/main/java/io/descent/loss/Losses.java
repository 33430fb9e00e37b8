package io.descent.loss;

/** Looks a loss up by its command-line name, through the {@link LossKind} registry. */
public final class Losses {
  public static final String NAMES = String.join(", ", LossKind.names());

  private Losses() {}

  /** @param numClasses used by softmax only */
  public static Loss byName(String name, int numClasses) {
    return LossKind.named(name).create(numClasses);
  }

  public static boolean isKnown(String name) {
    return LossKind.find(name).isPresent();
  }
}
