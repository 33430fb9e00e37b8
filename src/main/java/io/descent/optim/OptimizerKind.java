package io.descent.optim;

import io.descent.loss.LossKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The optimizers a run can name, one entry each: the name, how to build it, whether it takes
 * a step size, and what it keeps on the driver. Configuration validation, the help text and
 * the driver-memory check read this list, so a new optimizer is its class plus one entry.
 */
public enum OptimizerKind {
  GD("gd", "gd (fixed step)", true, 5, s -> new GradientDescent(s.step().getAsDouble())),
  ARMIJO("armijo", "armijo (backtracking line search)", true, 5,
      s -> new ArmijoDescent(s.step().getAsDouble())),
  NORMALIZED("normalized", "normalized (steps of decaying length along the unit gradient)", true,
      5, s -> new NormalizedGradient(s.step().getAsDouble())),
  NESTEROV("nesterov", "nesterov (accelerated, FISTA with L1, restarts)", true, 7,
      s -> new AcceleratedGradient(s.step().getAsDouble())),
  LBFGS("lbfgs", "lbfgs (OWL-QN with L1)", false, 8, s -> new Lbfgs(s.lbfgsMemory())) {
    @Override
    public long historyVectors(int memory, int maxIter) {
      // A pair (s, y) per remembered step, and never more pairs than steps.
      return 2L * Math.min(memory, maxIter);
    }
  },
  NEWTON("newton", "newton (squared, logistic or squared_hinge loss, up to newton-max-dim "
      + "parameters, no L1)", false, 5, s -> new NewtonMethod(s.newtonMaxDim())) {
    @Override
    public LossKind.Hessian hessianNeeded() {
      return LossKind.Hessian.MATRIX;
    }

    @Override
    public long hessianMatrices(long dimension, int maxDimension, int partialsAtDriver) {
      // The partials received, their total, the assembled Hessian and the solver's copy;
      // none beyond the limit, where newton refuses before its first pass.
      return dimension <= maxDimension ? partialsAtDriver + 3L : 0;
    }
  },
  TRON("tron", "tron (trust-region Newton-CG: Hessian-vector products, any smooth loss, no L1)",
      false, 14, s -> new Tron()) {
    @Override
    public LossKind.Hessian hessianNeeded() {
      return LossKind.Hessian.PRODUCTS;
    }
  },
  SGD("sgd", "sgd", true, 6, s -> stochastic(StochasticGradient.Update.SGD, s,
      s.step().getAsDouble())),
  ADAM("adam", "adam (mini-batch)", true, 7, s -> stochastic(StochasticGradient.Update.ADAM, s,
      s.givenStep() != null ? s.givenStep() : OptimizerKind.ADAM_AUTO_STEP));

  /** Adam's step for an automatic step: its moves are per coordinate, not scaled by 1/L. */
  public static final double ADAM_AUTO_STEP = 0.01;

  private final String name;
  private final String help;
  private final boolean takesStep;
  private final int keptVectors;
  private final Function<OptimizerSettings, Optimizer> factory;

  OptimizerKind(String name, String help, boolean takesStep, int keptVectors,
      Function<OptimizerSettings, Optimizer> factory) {
    this.name = name;
    this.help = help;
    this.takesStep = takesStep;
    this.keptVectors = keptVectors;
    this.factory = factory;
  }

  /** The name on the command line and in model.json. */
  public String optimizerName() {
    return name;
  }

  /** Its phrase in the help text. */
  public String help() {
    return help;
  }

  /** Whether it moves by a step size (given, or 1/L when automatic). */
  public boolean takesStep() {
    return takesStep;
  }

  /** What of the loss's Hessian it needs: none, products and diagonal, or the matrix. */
  public LossKind.Hessian hessianNeeded() {
    return LossKind.Hessian.NONE;
  }

  /**
   * Parameter-sized vectors the driver keeps apart from any history: the iterate and its
   * gradient, the next ones, and a step's temporaries.
   */
  public int keptVectors() {
    return keptVectors;
  }

  /** Parameter-sized vectors of remembered steps, given the memory m and the iteration budget. */
  public long historyVectors(int memory, int maxIter) {
    return 0;
  }

  /** d×d matrices the driver holds at once for a model of {@code dimension} parameters. */
  public long hessianMatrices(long dimension, int maxDimension, int partialsAtDriver) {
    return 0;
  }

  public Optimizer create(OptimizerSettings settings) {
    return factory.apply(settings);
  }

  /** The entry of a name; null when there is none. */
  public static OptimizerKind named(String name) {
    for (OptimizerKind k : values()) {
      if (k.name.equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** Every name, in the order of the help text. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (OptimizerKind k : values()) {
      names.add(k.name);
    }
    return Collections.unmodifiableList(names);
  }

  /** The help phrases joined: "a, b, … or z". */
  public static String helpText() {
    List<String> phrases = new ArrayList<>();
    for (OptimizerKind k : values()) {
      phrases.add(k.help);
    }
    return joined(phrases, " or ");
  }

  /** The names of the optimizers that take no step size: "a, … and z". */
  public static String withoutStep() {
    List<String> names = new ArrayList<>();
    for (OptimizerKind k : values()) {
      if (!k.takesStep) {
        names.add(k.name);
      }
    }
    return joined(names, " and ");
  }

  private static String joined(List<String> items, String last) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        s.append(i == items.size() - 1 ? last : ", ");
      }
      s.append(items.get(i));
    }
    return s.toString();
  }

  private static Optimizer stochastic(StochasticGradient.Update update, OptimizerSettings s,
      double step) {
    return new StochasticGradient(update, step, s.stepSchedule(), s.stepDecay(), s.momentum(),
        s.batchFraction(), s.seed());
  }
}
