package io.descent.optim;

import io.descent.loss.Regularization;

/**
 * F(x) = data(x) + L2(x) + L1(x): the data term from an {@link Objective}, regularization
 * added on the driver. Counts the passes over the data that the optimizers spend.
 */
public final class Problem {
  private final Objective data;
  private final Regularization reg;
  private long passes;

  public Problem(Objective data, Regularization reg) {
    this.data = data;
    this.reg = reg;
  }

  public int dimension() {
    return data.dimension();
  }

  public Regularization regularization() {
    return reg;
  }

  public boolean hasL1() {
    return reg.hasL1();
  }

  /** Data passes spent so far. */
  public long passes() {
    return passes;
  }

  /** Value, gradient and stationarity at x: one pass. */
  public Evaluation evaluate(double[] x) {
    double[] grad = new double[x.length];
    double f = data.valueAndGradient(x, grad);
    passes++;
    return complete(x, f, grad);
  }

  private Evaluation complete(double[] x, double dataValue, double[] grad) {
    double smooth = dataValue + reg.l2Value(x);
    reg.addL2Gradient(x, grad);
    double value = smooth + reg.l1Value(x);
    double norm = Vectors.norm(reg.minNormSubgradient(x, grad));
    return new Evaluation(x, value, smooth, grad, norm);
  }

  /** F(x + t·d) for each t: one pass. */
  public double[] valuesAlong(double[] x, double[] direction, double[] steps) {
    double[] v = data.valuesAlong(x, direction, steps);
    passes++;
    for (int i = 0; i < steps.length; i++) {
      double[] p = Vectors.axpy(steps[i], direction, x);
      v[i] += reg.l2Value(p) + reg.l1Value(p);
    }
    return v;
  }

  /** F at each point: one pass. */
  public double[] valuesAt(double[][] points) {
    double[] v = data.values(points);
    passes++;
    for (int i = 0; i < points.length; i++) {
      v[i] += reg.l2Value(points[i]) + reg.l1Value(points[i]);
    }
    return v;
  }

  /** The proximal gradient point prox_{tg}(x − t∇f(x)). */
  public double[] proximalStep(Evaluation at, double t) {
    return reg.proxL1(Vectors.axpy(-t, at.gradient(), at.x()), t);
  }
}
