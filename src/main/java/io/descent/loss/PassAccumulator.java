package io.descent.loss;

import io.descent.block.Block;

/**
 * Adds up one {@link PassRequest} over blocks into one flat partial vector, and decodes a sum
 * of such partials into a {@link PassResult}: the only place that knows where each part sits.
 * One per task (or per in-memory run); it owns the scratch of its {@link BlockObjective}.
 *
 * <p>The partial's layout: vectors first (each point's gradient, the gradient at the line's
 * first trial, the curvature product, the Hessian's diagonal, the Hessian-vector product),
 * then the Hessian's upper triangle, each point's
 * Σv ℓ, the two sums that go with the one point (mini-batch Σv ℓ and Σv, or holdout Σv and
 * metric), the line's differences and slopes, the displaced points' differences. The first
 * vector is added in place at offset 0 (the block kernels add into [0, n) only), so the
 * commonest pass holds one parameter-sized array per task, not two; other vectors are kept
 * apart and copied in once, by {@link #partial}. Every sum is added block after block in the
 * order the blocks come, exactly as the kernels add them.
 */
public final class PassAccumulator {
  private final PassRequest request;
  private final Slots at;
  private final BlockObjective kernel;
  private final double[] flat;
  private final double[][] gradients;
  private final double[] lineGradient;
  private final double[] curvature;
  private final double[] diagonal;
  private final double[] product;
  private final double[] hessian;
  private final double[] lineDiffs;
  private final double[] lineSlopes;
  private final double[] moveDiffs;
  private final double[] scoreWeights;
  private final double[] scoreIntercepts;
  private RowSampler sampler;

  public PassAccumulator(PassRequest request, Loss loss, ParamLayout layout) {
    check(request, loss, layout);
    this.request = request;
    this.at = new Slots(request, layout.size());
    this.kernel = new BlockObjective(loss, layout);
    this.flat = new double[at.length];
    int n = layout.size();
    int points = request.points().length;
    this.gradients = new double[request.gradients() ? points : 0][];
    for (int j = 0; j < gradients.length; j++) {
      gradients[j] = vector(at.gradients + j * n, n);
    }
    PassRequest.Line line = request.line();
    this.lineGradient = line != null && line.gradientAtFirst() ? vector(at.lineGradient, n) : null;
    this.curvature = request.probe() == null ? null : vector(at.curvature, n);
    this.diagonal = request.diagonal() ? vector(at.diagonal, n) : null;
    this.product = request.product() == null ? null : vector(at.product, n);
    this.hessian = request.hessian() ? new double[n * n] : null;
    this.lineDiffs = line == null ? null : new double[line.steps().length];
    this.lineSlopes = line == null ? null : new double[line.steps().length];
    this.moveDiffs = request.moves() == null ? null
        : new double[request.moves().displacements().length];
    if (request.score()) {
      double[] x = request.points()[0];
      this.scoreWeights = x;
      this.scoreIntercepts = new double[layout.numOutputs()];
      for (int c = 0; c < scoreIntercepts.length && layout.hasIntercept(); c++) {
        scoreIntercepts[c] = x[layout.interceptIndex(c)];
      }
    } else {
      this.scoreWeights = null;
      this.scoreIntercepts = null;
    }
  }

  /** The partial's length for {@code request}; refuses a request the loss cannot serve. */
  public static int length(PassRequest request, Loss loss, ParamLayout layout) {
    check(request, loss, layout);
    return new Slots(request, layout.size()).length;
  }

  private static void check(PassRequest request, Loss loss, ParamLayout layout) {
    if (request.hessian() && (layout.numOutputs() != 1 || !loss.hasSecondDerivative())) {
      throw new UnsupportedOperationException("no Hessian for the " + loss.name() + " loss");
    }
    if ((request.diagonal() || request.product() != null) && !loss.hasCurvature()) {
      throw new UnsupportedOperationException("no Hessian for the " + loss.name() + " loss");
    }
  }

  /** The vector at {@code offset}: the partial itself at 0, its own array elsewhere. */
  private double[] vector(int offset, int n) {
    return offset == 0 ? flat : new double[n];
  }

  /** The blocks that follow belong to this partition (it seeds the mini-batch draws). */
  public void startPartition(int partition) {
    PassRequest.Sample s = request.sample();
    if (s != null) {
      sampler = RowSampler.of(s.seed(), s.iteration(), partition);
    }
  }

  /** Adds one block's share of every part of the request. */
  public void add(Block b) {
    double[][] points = request.points();
    PassRequest.Sample sample = request.sample();
    for (int j = 0; j < points.length; j++) {
      if (sample != null) {
        kernel.addSampledLossAndGradient(b, points[j], sampler, sample.fraction(),
            gradients[j], flat, at.values);
      } else if (request.diagonal()) {
        flat[at.values + j] += kernel.addLossGradientAndDiagonal(b, points[j], gradients[j],
            diagonal);
      } else if (request.hessian()) {
        flat[at.values + j] += kernel.addLossGradientAndHessian(b, points[j], gradients[j],
            hessian);
      } else if (request.gradients()) {
        flat[at.values + j] += kernel.addLossAndGradient(b, points[j], gradients[j]);
      } else if (request.score()) {
        kernel.addScores(b, scoreWeights, scoreIntercepts, flat, at.values);
      } else {
        flat[at.values + j] += kernel.loss(b, points[j]);
      }
    }
    PassRequest.Line line = request.line();
    if (line != null && lineGradient != null && diagonal != null) {
      kernel.addLineValuesGradientAndDiagonal(b, line.x(), line.direction(), line.steps(),
          lineDiffs, lineSlopes, lineGradient, diagonal);
    } else if (line != null && lineGradient != null) {
      kernel.addLineValuesAndGradient(b, line.x(), line.direction(), line.steps(), lineDiffs,
          lineSlopes, lineGradient);
    } else if (line != null) {
      kernel.addLineValues(b, line.x(), line.direction(), line.steps(), lineDiffs, lineSlopes);
    }
    if (moveDiffs != null) {
      kernel.addDifferences(b, request.moves().x(), request.moves().displacements(), moveDiffs);
    }
    if (curvature != null) {
      kernel.addCurvatureBoundTimes(b, request.probe(), curvature);
    }
    if (product != null) {
      kernel.addHessianTimes(b, request.product().x(), request.product().v(), product);
    }
  }

  /** The finished partial: the parts kept apart copied into place. Call once, at the end. */
  public double[] partial() {
    for (int j = 0; j < gradients.length; j++) {
      copyIn(gradients[j], at.gradients + j * gradients[j].length);
    }
    copyIn(lineGradient, at.lineGradient);
    copyIn(curvature, at.curvature);
    copyIn(diagonal, at.diagonal);
    copyIn(product, at.product);
    copyIn(hessian, at.hessian);
    copyIn(lineDiffs, at.lineDiffs);
    copyIn(lineSlopes, at.lineSlopes);
    copyIn(moveDiffs, at.moves);
    return flat;
  }

  private void copyIn(double[] part, int offset) {
    if (part != null && part != flat) {
      System.arraycopy(part, 0, flat, offset, part.length);
    }
  }

  /**
   * The result from the sum of every partial of a pass, {@code totals} (consumed): sums
   * divided by {@code weightSum}, the training Σv; a mini-batch gradient by the batch's Σv,
   * zero for an empty batch; a holdout score by the held-out Σv.
   */
  public static PassResult decode(PassRequest request, Loss loss, ParamLayout layout,
      double[] totals, double weightSum) {
    int n = layout.size();
    Slots at = new Slots(request, n);
    int points = request.points().length;
    double[] values = new double[points];
    for (int j = 0; j < points; j++) {
      values[j] = totals[at.values + j] / weightSum;
    }
    double[][] gradients = null;
    if (request.gradients()) {
      gradients = new double[points][];
      for (int j = 0; j < points; j++) {
        gradients[j] = request.sample() != null
            ? batchMean(totals, at.gradients, n, totals[at.values + 2])
            : scaled(totals, at.gradients + j * n, n, weightSum);
      }
    }
    double[] hessian = request.hessian() ? scaled(totals, at.hessian, n * n, weightSum) : null;
    PassResult.LineSums line = null;
    PassRequest.Line l = request.line();
    if (l != null) {
      int s = l.steps().length;
      line = new PassResult.LineSums(l.steps().clone(), scaled(totals, at.lineDiffs, s, weightSum),
          scaled(totals, at.lineSlopes, s, weightSum),
          l.gradientAtFirst() ? scaled(totals, at.lineGradient, n, weightSum) : null);
    }
    double[] moves = request.moves() == null ? null
        : scaled(totals, at.moves, request.moves().displacements().length, weightSum);
    double[] curvature = request.probe() == null ? null
        : scaled(totals, at.curvature, n, weightSum);
    double[] diagonal = request.diagonal() ? scaled(totals, at.diagonal, n, weightSum) : null;
    double[] product = request.product() == null ? null
        : scaled(totals, at.product, n, weightSum);
    PassResult.HoldoutScore score = null;
    if (request.score()) {
      HoldoutMetric metric = loss.kind().holdoutMetric();
      double heldOut = totals[at.values + 1];
      score = new PassResult.HoldoutScore(totals[at.values] / heldOut, metric.metricName(),
          metric.of(totals[at.values + 2], heldOut));
    }
    return new PassResult(values, gradients, hessian, line, moves, curvature, diagonal, product,
        score);
  }

  private static double[] scaled(double[] totals, int from, int length, double by) {
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      out[i] = totals[from + i] / by;
    }
    return out;
  }

  private static double[] batchMean(double[] totals, int from, int length, double batchWeight) {
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      out[i] = batchWeight > 0 ? totals[from + i] / batchWeight : 0.0;
    }
    return out;
  }

  /** Where each part of a request's partial starts; see the class comment for the order. */
  private static final class Slots {
    final int gradients;
    final int lineGradient;
    final int curvature;
    final int diagonal;
    final int product;
    final int hessian;
    final int values;
    final int lineDiffs;
    final int lineSlopes;
    final int moves;
    final int length;

    Slots(PassRequest r, int n) {
      int points = r.points().length;
      int steps = r.line() == null ? 0 : r.line().steps().length;
      int off = 0;
      gradients = off;
      off += r.gradients() ? points * n : 0;
      lineGradient = off;
      off += r.line() != null && r.line().gradientAtFirst() ? n : 0;
      curvature = off;
      off += r.probe() == null ? 0 : n;
      diagonal = off;
      off += r.diagonal() ? n : 0;
      product = off;
      off += r.product() == null ? 0 : n;
      hessian = off;
      off += r.hessian() ? n * n : 0;
      values = off;
      off += points;
      // The one point's two companion sums follow its value.
      off += r.sample() != null || r.score() ? 2 : 0;
      lineDiffs = off;
      off += steps;
      lineSlopes = off;
      off += steps;
      moves = off;
      off += r.moves() == null ? 0 : r.moves().displacements().length;
      length = off;
    }
  }
}
