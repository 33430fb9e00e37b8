package io.descent.loss;

import java.io.Serializable;

/**
 * What one pass over the blocks computes, as data: the weighted loss sum at one or several
 * points, and optionally, in the same sweep, their gradients, the Hessian at the first point
 * or its diagonal, the line-search sums along x + t·d, loss differences to displaced points,
 * the curvature bound times a vector, the Hessian at a point times a vector, a mini-batch
 * gradient, or the holdout score. The factories below build
 * the requests the optimizers use; {@link PassAccumulator} is the one place that knows how
 * each part is added up and where it sits in the shipped partial.
 */
public final class PassRequest implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The line x + t·d at the trial steps; with the gradient at x + steps[0]·d when asked. */
  public record Line(double[] x, double[] direction, double[] steps, boolean gradientAtFirst)
      implements Serializable {}

  /** Loss differences Σv [ℓ(x + Δⱼ) − ℓ(x)], summed row by row. */
  public record Moves(double[] x, double[][] displacements) implements Serializable {}

  /** Rows drawn by a generator seeded with (seed, iteration, partition). */
  public record Sample(double fraction, long seed, int iteration) implements Serializable {}

  /** The data term's Hessian at x times v. */
  public record Product(double[] x, double[] v) implements Serializable {}

  private static final double[][] NO_POINTS = new double[0][];

  private final double[][] points;
  private final boolean gradients;
  private final boolean hessian;
  private final Sample sample;
  private final boolean score;
  private final Line line;
  private final Moves moves;
  private final double[] probe;
  private final boolean diagonal;
  private final Product product;

  private PassRequest(double[][] points, boolean gradients, boolean hessian, Sample sample,
      boolean score, Line line, Moves moves, double[] probe) {
    this(points, gradients, hessian, sample, score, line, moves, probe, false, null);
  }

  private PassRequest(double[][] points, boolean gradients, boolean hessian, Sample sample,
      boolean score, Line line, Moves moves, double[] probe, boolean diagonal,
      Product product) {
    boolean single = points.length == 1;
    if ((hessian || sample != null) && !(single && gradients)) {
      throw new IllegalArgumentException("a Hessian or a mini-batch goes with one gradient");
    }
    if (score && !(single && !gradients)) {
      throw new IllegalArgumentException("a holdout score is taken at one point, no gradient");
    }
    boolean oneGradient = single && gradients && !hessian && sample == null;
    boolean lineGradient = points.length == 0 && line != null && line.gradientAtFirst();
    if (diagonal && !(oneGradient || lineGradient)) {
      throw new IllegalArgumentException(
          "a Hessian diagonal goes with one full gradient, at a point or a line's first step");
    }
    this.points = points;
    this.gradients = gradients;
    this.hessian = hessian;
    this.sample = sample;
    this.score = score;
    this.line = line;
    this.moves = moves;
    this.probe = probe;
    this.diagonal = diagonal;
    this.product = product;
  }

  /** Σv ℓ at each point. */
  public static PassRequest valuesAt(double[]... points) {
    return new PassRequest(points, false, false, null, false, null, null, null);
  }

  /** Σv ℓ and its gradient at x. */
  public static PassRequest gradientAt(double[] x) {
    return gradientsAt(x);
  }

  /** Σv ℓ and its gradient at each point. */
  public static PassRequest gradientsAt(double[]... points) {
    return new PassRequest(points, true, false, null, false, null, null, null);
  }

  /**
   * Σv ℓ, its gradient and the diagonal of its Hessian at x: tron's preconditioner in the
   * pass that brings the gradient.
   */
  public static PassRequest gradientAndDiagonalAt(double[] x) {
    return new PassRequest(new double[][] {x}, true, false, null, false, null, null, null, true,
        null);
  }

  /** Σv ℓ, its gradient and its Hessian (upper triangle) at x. */
  public static PassRequest hessianAt(double[] x) {
    return new PassRequest(new double[][] {x}, true, true, null, false, null, null, null);
  }

  /** Σv ℓ at x over all rows, and the gradient over a mini-batch's rows with its Σv. */
  public static PassRequest sampledGradientAt(double[] x, double fraction, long seed,
      int iteration) {
    return new PassRequest(new double[][] {x}, true, false,
        new Sample(fraction, seed, iteration), false, null, null, null);
  }

  /** The holdout sums at x: Σv ℓ, Σv and Σv·(the loss's holdout metric term). */
  public static PassRequest scoreAt(double[] x) {
    return new PassRequest(new double[][] {x}, false, false, null, true, null, null, null);
  }

  /** Differences and slopes along x + t·d at each step; with the gradient at the first. */
  public static PassRequest along(double[] x, double[] direction, double[] steps,
      boolean gradientAtFirst) {
    return new PassRequest(NO_POINTS, false, false, null, false,
        new Line(x, direction, steps.clone(), gradientAtFirst), null, null);
  }

  /**
   * {@link #along} with the gradient at the first step and also the Hessian's diagonal there:
   * a trust-region trial point (one step, t = 1) with all its next iteration needs.
   */
  public static PassRequest alongWithDiagonal(double[] x, double[] direction, double[] steps) {
    return new PassRequest(NO_POINTS, false, false, null, false,
        new Line(x, direction, steps.clone(), true), null, null, true, null);
  }

  /**
   * (∇²Σv ℓ at x)·v: the Hessian-vector product of truncated Newton's conjugate gradients,
   * from the margins of x and of v taken in one sweep of each row.
   */
  public static PassRequest hessianTimes(double[] x, double[] v) {
    return new PassRequest(NO_POINTS, false, false, null, false, null, null, null, false,
        new Product(x, v));
  }

  /** Σv [ℓ(x + Δⱼ) − ℓ(x)] for each displacement. */
  public static PassRequest differences(double[] x, double[][] displacements) {
    return new PassRequest(NO_POINTS, false, false, null, false, null,
        new Moves(x, displacements), null);
  }

  /** B·u, B the curvature bound of the loss times Σv x̃x̃ᵀ (see {@link BlockObjective}). */
  public static PassRequest curvatureBoundTimes(double[] u) {
    return new PassRequest(NO_POINTS, false, false, null, false, null, null, u);
  }

  public double[][] points() {
    return points;
  }

  /** The gradient at every point (over the mini-batch when {@link #sample} is set). */
  public boolean gradients() {
    return gradients;
  }

  /** The Hessian at the one point. */
  public boolean hessian() {
    return hessian;
  }

  /** The mini-batch of the one point's gradient, or null. */
  public Sample sample() {
    return sample;
  }

  /** The holdout sums at the one point. */
  public boolean score() {
    return score;
  }

  public Line line() {
    return line;
  }

  public Moves moves() {
    return moves;
  }

  /** The vector the curvature bound is applied to, or null. */
  public double[] probe() {
    return probe;
  }

  /** The Hessian's diagonal where the one full gradient is taken. */
  public boolean diagonal() {
    return diagonal;
  }

  /** The Hessian-vector product asked, or null. */
  public Product product() {
    return product;
  }

  /** How many doubles the request carries: what decides how a pass ships it. */
  public long doubles() {
    long n = 0;
    for (double[] p : points) {
      n += p.length;
    }
    if (line != null) {
      n += line.x().length + line.direction().length + line.steps().length;
    }
    if (moves != null) {
      n += moves.x().length;
      for (double[] m : moves.displacements()) {
        n += m.length;
      }
    }
    if (product != null) {
      n += product.x().length + product.v().length;
    }
    return n + (probe == null ? 0 : probe.length);
  }
}
