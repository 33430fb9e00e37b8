package io.descent.optim.path;

/**
 * Which λ of a cross-validated path to keep: the one of least mean CV loss ({@code min}), or
 * glmnet's one-standard-error rule ({@code one-se}): the largest λ (the simplest model) whose
 * mean CV loss is within one standard error of that minimum.
 */
public enum LambdaSelection {
  MIN("min"),
  ONE_SE("one-se");

  private final String cliName;

  LambdaSelection(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static LambdaSelection named(String name) {
    for (LambdaSelection s : values()) {
      if (s.cliName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown selection rule " + name + " (min or one-se)");
  }

  /**
   * The index of the chosen λ; {@code curves} in path order (λ decreasing). Ties go to the
   * larger λ. A NaN mean (a fold whose loss overflowed) never wins.
   */
  public int choose(CvCurve[] curves) {
    int best = -1;
    for (int i = 0; i < curves.length; i++) {
      if (!Double.isNaN(curves[i].mean()) && (best < 0 || curves[i].mean() < curves[best].mean())) {
        best = i;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("no λ has a finite cross-validated loss");
    }
    if (this == MIN) {
      return best;
    }
    double se = curves[best].standardError();
    double limit = curves[best].mean() + (Double.isNaN(se) ? 0 : se);
    for (int i = 0; i <= best; i++) {
      if (curves[i].mean() <= limit) {
        return i;
      }
    }
    return best;
  }
}
