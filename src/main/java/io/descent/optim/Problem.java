package io.descent.optim;

import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.loss.Regularization;

/**
 * F(x) = data(x) + L2(x) + L1(x): the data term from an {@link Objective}, regularization
 * added on the driver. Counts the passes over the data that the optimizers spend.
 *
 * <p>Line-search methods record F(x⁺) as F(x) + ΔF, ΔF the accurately summed difference
 * their search accepted ({@link #evaluateAfter}, {@link #evaluateFromLine}): the recorded objective then decreases
 * exactly when the search saw a decrease, down to differences far below the rounding error
 * of F itself. Drift from a fresh evaluation stays at the rounding of one addition per step.
 */
public final class Problem {
  private final Objective data;
  private final Regularization reg;
  private long passes;

  public Problem(Objective data, Regularization reg) {
    this.data = data;
    this.reg = reg;
  }

  /** The trial steps of one line-search pass: ΔF, Δ(smooth part) and the smooth slope. */
  public record LineTrials(double[] steps, double[] smoothDifferences, double[] differences,
      double[] slopes, double[] dataGradientAtFirst) {}

  /** The trial points of one pass: F(pⱼ) − F(x) and its smooth part. */
  public record PointTrials(double[][] points, double[] smoothDifferences,
      double[] differences) {}

  /** An evaluation with the Hessian of the smooth part (dense, row-major). */
  public record SecondOrder(Evaluation evaluation, double[] hessian) {}

  /** An evaluation with the diagonal of the smooth part's Hessian. */
  public record Diagonal(Evaluation evaluation, double[] diagonal) {}

  /**
   * A trial point x + s: F(x + s) − F(x) and its smooth part, summed row by row without
   * cancellation, and the evaluation there with its Hessian diagonal, ready to be taken.
   */
  public record Trial(double smoothDifference, double difference, Diagonal at) {}

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

  /** Every pass goes through here: the one place that counts them. */
  private PassResult pass(PassRequest request) {
    PassResult r = data.run(request);
    passes++;
    return r;
  }

  /** Value, gradient and stationarity at x: one pass. */
  public Evaluation evaluate(double[] x) {
    PassResult r = pass(PassRequest.gradientAt(x));
    return complete(x, r.value(), r.gradient());
  }

  /**
   * The evaluation at x, reached from {@code from} by a move whose smooth part changed by
   * {@code smoothDifference} (as a line search measured it): one pass for the gradient; the
   * value is from's value plus the accurate difference.
   */
  public Evaluation evaluateAfter(Evaluation from, double[] x, double smoothDifference) {
    return completeAfter(from, x, smoothDifference, pass(PassRequest.gradientAt(x)).gradient());
  }

  /**
   * As {@link #evaluateAfter}, at the first trial of a line-search pass that brought the data
   * term's gradient there ({@link #along(Evaluation, double[], double[], boolean)}): no pass.
   * Takes {@code dataGradient} over: the regularizer's gradient is added to it in place.
   */
  public Evaluation evaluateFromLine(Evaluation from, double[] x, double smoothDifference,
      double[] dataGradient) {
    return completeAfter(from, x, smoothDifference, dataGradient);
  }

  /** Value, gradient and Hessian at x: one pass. */
  public SecondOrder evaluateWithHessian(double[] x) {
    return withHessian(null, x, 0);
  }

  /** As {@link #evaluateAfter}, with the Hessian: one pass. */
  public SecondOrder evaluateWithHessianAfter(Evaluation from, double[] x, double smoothDifference) {
    return withHessian(from, x, smoothDifference);
  }

  private SecondOrder withHessian(Evaluation from, double[] x, double smoothDifference) {
    int n = x.length;
    PassResult r = pass(PassRequest.hessianAt(x));
    double[] hessian = new double[n * n];
    SymmetricMatrix.fillFromUpper(r.hessianUpper(), 0, n, hessian);
    reg.addL2Hessian(hessian, n);
    Evaluation e = from == null ? complete(x, r.value(), r.gradient())
        : completeAfter(from, x, smoothDifference, r.gradient());
    return new SecondOrder(e, hessian);
  }

  /** Value, gradient and the diagonal of the smooth part's Hessian at x: one pass. */
  public Diagonal evaluateWithDiagonal(double[] x) {
    PassResult r = pass(PassRequest.gradientAndDiagonalAt(x));
    double[] diagonal = r.hessianDiagonal();
    reg.addL2HessianDiagonal(diagonal);
    return new Diagonal(complete(x, r.value(), r.gradient()), diagonal);
  }

  /** The trial point x + s, all of {@link Trial} in one pass. */
  public Trial trial(Evaluation from, double[] s) {
    double[] x = from.x();
    PassResult r = pass(PassRequest.alongWithDiagonal(x, s, new double[] {1.0}));
    PassResult.LineSums line = r.line();
    double smooth = line.differences()[0] + reg.l2Difference(x, s, 1.0);
    double total = smooth + (reg.hasL1() ? reg.l1Difference(x, Vectors.axpy(1.0, s, x)) : 0);
    double[] diagonal = r.hessianDiagonal();
    reg.addL2HessianDiagonal(diagonal);
    Evaluation e = completeAfter(from, Vectors.axpy(1.0, s, x), smooth, line.gradientAtFirst());
    return new Trial(smooth, total, new Diagonal(e, diagonal));
  }

  /** The smooth part's Hessian at x times v: one pass. */
  public double[] hessianTimes(double[] x, double[] v) {
    double[] hv = pass(PassRequest.hessianTimes(x, v)).hessianTimes();
    reg.addL2HessianTimes(v, hv);
    return hv;
  }

  /** Evaluations at several points: one pass. */
  public Evaluation[] evaluateAll(double[][] points) {
    PassResult r = pass(PassRequest.gradientsAt(points));
    Evaluation[] out = new Evaluation[points.length];
    for (int j = 0; j < points.length; j++) {
      out[j] = complete(points[j], r.values()[j], r.gradients()[j]);
    }
    return out;
  }

  /**
   * F(x) over all rows with the gradient of a mini-batch (plus the regularizer's): one pass.
   * Its gradient norm is that of the batch's minimal subgradient, an estimate.
   */
  public Evaluation evaluateSampled(double[] x, BatchSpec batch) {
    PassResult r = pass(PassRequest.sampledGradientAt(x, batch.fraction(), batch.seed(),
        batch.iteration()));
    return complete(x, r.value(), r.gradient());
  }

  private Evaluation complete(double[] x, double dataValue, double[] grad) {
    double smooth = dataValue + reg.l2Value(x);
    reg.addL2Gradient(x, grad);
    double value = smooth + reg.l1Value(x);
    double norm = Vectors.norm(reg.minNormSubgradient(x, grad));
    return new Evaluation(x, value, smooth, grad, norm);
  }

  private Evaluation completeAfter(Evaluation from, double[] x, double smoothDifference,
      double[] grad) {
    reg.addL2Gradient(x, grad);
    double smooth = from.smoothValue() + smoothDifference;
    double value = from.value() + (smoothDifference + reg.l1Difference(from.x(), x));
    double norm = Vectors.norm(reg.minNormSubgradient(x, grad));
    return new Evaluation(x, value, smooth, grad, norm);
  }

  /** F(x + t·d) − F(x) and the smooth slope along d at each trial step: one pass. */
  public LineTrials along(Evaluation at, double[] d, double[] steps) {
    return along(at, d, steps, false);
  }

  /**
   * The same, and with {@code gradientAtFirst} the data term's gradient at x + steps[0]·d
   * (for {@link #evaluateFromLine}): still one pass.
   */
  public LineTrials along(Evaluation at, double[] d, double[] steps, boolean gradientAtFirst) {
    double[] x = at.x();
    PassResult.LineSums line = pass(PassRequest.along(x, d, steps, gradientAtFirst)).line();
    int n = steps.length;
    double[] smooth = new double[n];
    double[] total = new double[n];
    double[] slopes = new double[n];
    Regularization.L2Line l2 = reg.l2Along(x, d);
    for (int s = 0; s < n; s++) {
      double t = steps[s];
      smooth[s] = line.differences()[s] + l2.difference(t);
      total[s] = smooth[s] + (reg.hasL1() ? reg.l1Difference(x, Vectors.axpy(t, d, x)) : 0);
      slopes[s] = line.slopes()[s] + l2.slope(t);
    }
    return new LineTrials(steps.clone(), smooth, total, slopes, line.gradientAtFirst());
  }

  /** F(p) − F(x) at each trial point: one pass. */
  public PointTrials differencesAt(Evaluation at, double[][] points) {
    double[] x = at.x();
    double[][] moves = new double[points.length][];
    for (int j = 0; j < points.length; j++) {
      moves[j] = Vectors.minus(points[j], x);
    }
    double[] diffs = pass(PassRequest.differences(x, moves)).differences();
    double[] smooth = new double[points.length];
    double[] total = new double[points.length];
    for (int j = 0; j < points.length; j++) {
      smooth[j] = diffs[j] + reg.l2Difference(x, moves[j], 1.0);
      total[j] = smooth[j] + reg.l1Difference(x, points[j]);
    }
    return new PointTrials(points, smooth, total);
  }

  /** The proximal gradient point prox_{tg}(x − t∇f(x)). */
  public double[] proximalStep(Evaluation at, double t) {
    return reg.proxL1(Vectors.axpy(-t, at.gradient(), at.x()), t);
  }
}
