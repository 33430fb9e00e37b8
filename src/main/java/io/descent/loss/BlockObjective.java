package io.descent.loss;

import io.descent.block.Block;

/**
 * The weighted loss sum Σ vᵢ ℓ(yᵢ, mᵢ) of a block and its gradient, and the same sum at
 * many trial points in one sweep. One instance per task: it owns the scratch arrays.
 */
public final class BlockObjective {
  private final Loss loss;
  private final ParamLayout layout;
  private double[] margins = new double[0];
  private double[] scratch = new double[0];
  private double[] moved = new double[0];
  private double[] rowMargins = new double[0];
  // For the Hessian-vector product: the margins of x and u side by side (dense blocks), and
  // x and u combined (stacked or interleaved) with the arrays they were built from.
  private double[] pairMargins = new double[0];
  private double[] combined;
  private double[] combinedX;
  private double[] combinedU;
  private boolean stackedForm;

  public BlockObjective(Loss loss, ParamLayout layout) {
    if (loss.numOutputs() != layout.numOutputs()) {
      throw new IllegalArgumentException("loss and layout disagree on outputs");
    }
    this.loss = loss;
    this.layout = layout;
  }

  private void ensureScratch(int rows) {
    int need = rows * layout.numOutputs();
    if (margins.length < need) {
      margins = new double[need];
      scratch = new double[need];
    }
  }

  private void ensureMoved(int rows) {
    if (moved.length < rows * layout.numOutputs()) {
      moved = new double[margins.length];
    }
  }

  /** Adds the gradient of Σ vᵢ ℓᵢ to {@code grad} and returns Σ vᵢ ℓᵢ. */
  public double addLossAndGradient(Block b, double[] params, double[] grad) {
    ensureScratch(b.numRows());
    BlockKernel.margins(b, layout, params, margins);
    return addLossAndGradientAt(b, margins, grad);
  }

  /**
   * Adds the gradient of Σ vᵢ ℓ(yᵢ, mᵢ) at the given margins (n×K, not {@code scratch}) to
   * {@code grad} and returns the sum; overwrites {@code scratch} with the row coefficients.
   */
  private double addLossAndGradientAt(Block b, double[] m, double[] grad) {
    int n = b.numRows();
    int k = layout.numOutputs();
    double sum = 0;
    for (int r = 0; r < n; r++) {
      double v = b.weight(r);
      double l = loss.valueAndDerivative(b.label(r), m, r * k, scratch);
      sum += v * l;
      if (v != 1.0) {
        for (int c = 0; c < k; c++) {
          scratch[r * k + c] *= v;
        }
      }
    }
    BlockKernel.addGradient(b, layout, scratch, grad);
    return sum;
  }

  /** Σ vᵢ ℓᵢ at the given parameters. */
  public double loss(Block b, double[] params) {
    int n = b.numRows();
    ensureScratch(n);
    BlockKernel.margins(b, layout, params, margins);
    return sumLoss(b, margins);
  }

  /**
   * Σ vᵢ ℓ(yᵢ, mᵢ + t zᵢ) for every t in {@code steps}, where m are the margins at
   * {@code params} and z those of {@code direction}: the whole line search costs two margin
   * sweeps of the block, however many trial steps there are.
   */
  public void addLossesAlong(Block b, double[] params, double[] direction, double[] steps,
      double[] out) {
    int n = b.numRows();
    int k = layout.numOutputs();
    ensureScratch(n);
    BlockKernel.margins(b, layout, params, margins);
    BlockKernel.margins(b, layout, direction, scratch);
    double[] trial = new double[k];
    for (int s = 0; s < steps.length; s++) {
      double t = steps[s];
      double sum = 0;
      for (int r = 0; r < n; r++) {
        int off = r * k;
        for (int c = 0; c < k; c++) {
          trial[c] = margins[off + c] + t * scratch[off + c];
        }
        sum += b.weight(r) * loss.value(b.label(r), trial, 0);
      }
      out[s] += sum;
    }
  }

  /**
   * For every t in {@code steps}: adds Σ vᵢ [ℓ(yᵢ, mᵢ + t zᵢ) − ℓ(yᵢ, mᵢ)] to {@code diffs[s]}
   * and Σ vᵢ d/dt ℓ(yᵢ, mᵢ + t zᵢ) to {@code slopes[s]}. The differences are summed row by
   * row, each computed without cancellation (see {@link Loss#alongLine}), so they resolve
   * decreases far below the rounding error of the loss value itself.
   */
  public void addLineValues(Block b, double[] params, double[] direction, double[] steps,
      double[] diffs, double[] slopes) {
    ensureScratch(b.numRows());
    BlockKernel.margins(b, layout, params, margins);
    BlockKernel.margins(b, layout, direction, scratch);
    addLineValuesAt(b, margins, scratch, steps, diffs, slopes);
  }

  /** The sums of {@link #addLineValues} from the margins m of the point and z of the direction. */
  private void addLineValuesAt(Block b, double[] m, double[] z, double[] steps, double[] diffs,
      double[] slopes) {
    int n = b.numRows();
    int k = layout.numOutputs();
    double[] blockDiffs = new double[steps.length];
    double[] blockSlopes = new double[steps.length];
    double[] out = new double[2];
    for (int r = 0; r < n; r++) {
      double v = b.weight(r);
      double y = b.label(r);
      for (int s = 0; s < steps.length; s++) {
        loss.alongLine(y, m, z, r * k, steps[s], out);
        blockDiffs[s] += v * out[0];
        blockSlopes[s] += v * out[1];
      }
    }
    for (int s = 0; s < steps.length; s++) {
      diffs[s] += blockDiffs[s];
      slopes[s] += blockSlopes[s];
    }
  }

  /**
   * {@link #addLineValues}, and the gradient of Σ vᵢ ℓᵢ at params + steps[0]·direction added
   * to {@code grad}, from the margins m + t₀z the sweep already holds: the gradient of a line
   * search's first trial point without a pass of its own.
   */
  public void addLineValuesAndGradient(Block b, double[] params, double[] direction,
      double[] steps, double[] diffs, double[] slopes, double[] grad) {
    int n = b.numRows();
    int k = layout.numOutputs();
    ensureScratch(n);
    ensureMoved(n);
    BlockKernel.margins(b, layout, params, margins);
    BlockKernel.margins(b, layout, direction, scratch);
    addLineValuesAt(b, margins, scratch, steps, diffs, slopes);
    double t = steps[0];
    for (int i = 0; i < n * k; i++) {
      moved[i] = margins[i] + t * scratch[i];
    }
    addLossAndGradientAt(b, moved, grad);
  }

  /**
   * {@link #addLineValuesAndGradient}, and the diagonal of the Hessian of Σ vᵢ ℓᵢ at the
   * first trial point added to {@code diagonal}: a trust-region trial point in one sweep.
   */
  public void addLineValuesGradientAndDiagonal(Block b, double[] params, double[] direction,
      double[] steps, double[] diffs, double[] slopes, double[] grad, double[] diagonal) {
    addLineValuesAndGradient(b, params, direction, steps, diffs, slopes, grad);
    addDiagonalAt(b, moved, diagonal);
  }

  /**
   * Adds the gradient of Σ vᵢ ℓᵢ to {@code grad} and the diagonal of its Hessian
   * Σ vᵢ ∂²ℓᵢ x̃ᵢ∘x̃ᵢ (per output) to {@code diagonal}; returns Σ vᵢ ℓᵢ. The gradient's bits are
   * those of {@link #addLossAndGradient}.
   */
  public double addLossGradientAndDiagonal(Block b, double[] params, double[] grad,
      double[] diagonal) {
    ensureScratch(b.numRows());
    BlockKernel.margins(b, layout, params, margins);
    double sum = addLossAndGradientAt(b, margins, grad);
    addDiagonalAt(b, margins, diagonal);
    return sum;
  }

  /** The Hessian's diagonal from the margins m (not {@code scratch}); overwrites scratch. */
  private void addDiagonalAt(Block b, double[] m, double[] diagonal) {
    int n = b.numRows();
    int k = layout.numOutputs();
    for (int r = 0; r < n; r++) {
      loss.curvatureDiagonal(b.label(r), m, r * k, scratch);
      double v = b.weight(r);
      if (v != 1.0) {
        for (int c = 0; c < k; c++) {
          scratch[r * k + c] *= v;
        }
      }
    }
    BlockSquares.addWeightedSquares(b, layout, scratch, diagonal);
  }

  /**
   * Adds (∇² Σ vᵢ ℓᵢ at params)·u = Σ vᵢ x̃ᵢ ⊗ (∂²ℓᵢ · (x̃ᵢ·u)) to {@code out}. The margins of
   * params and of u come from one sweep over the block that reads each row once for both
   * (CSR: the two vectors interleaved, one random access per stored value; dense softmax:
   * stacked as 2K outputs of one BLAS call; dense single-output: two dgemv calls), then one
   * gradient-like sweep adds the products.
   */
  public void addHessianTimes(Block b, double[] params, double[] u, double[] out) {
    int n = b.numRows();
    int k = layout.numOutputs();
    ensureScratch(n);
    ensureMoved(n);
    if (b.isSparse()) {
      BlockKernel.sparsePairMargins(b, layout.numFeatures(), k, pairs(params, u), margins,
          scratch);
      if (layout.hasIntercept()) {
        int base = layout.coefficientCount();
        for (int r = 0; r < n; r++) {
          for (int c = 0; c < k; c++) {
            margins[r * k + c] += params[base + c];
            scratch[r * k + c] += u[base + c];
          }
        }
      }
    } else if (k == 1) {
      // Two dgemv sweeps: BLAS has no faster way to two dot products per row of a dense block.
      BlockKernel.margins(b, layout, params, margins);
      BlockKernel.margins(b, layout, u, scratch);
    } else {
      if (pairMargins.length < 2 * n * k) {
        pairMargins = new double[2 * margins.length];
      }
      ParamLayout pair = new ParamLayout(layout.numFeatures(), 2 * k, layout.hasIntercept());
      BlockKernel.margins(b, pair, stacked(params, u), pairMargins);
      for (int r = 0; r < n; r++) {
        System.arraycopy(pairMargins, 2 * r * k, margins, r * k, k);
        System.arraycopy(pairMargins, 2 * r * k + k, scratch, r * k, k);
      }
    }
    for (int r = 0; r < n; r++) {
      loss.curvatureTimes(b.label(r), margins, scratch, r * k, moved);
      double v = b.weight(r);
      if (v != 1.0) {
        for (int c = 0; c < k; c++) {
          moved[r * k + c] *= v;
        }
      }
    }
    BlockKernel.addGradient(b, layout, moved, out);
  }

  /**
   * x and u as the parameters of 2K outputs (x's K coefficient rows, u's, then x's
   * intercepts, u's), for dense blocks; built once per pass: a task's blocks share the arrays.
   */
  private double[] stacked(double[] x, double[] u) {
    if (x != combinedX || u != combinedU || !stackedForm) {
      int coefficients = layout.coefficientCount();
      int k = layout.numOutputs();
      combined = new double[2 * layout.size()];
      System.arraycopy(x, 0, combined, 0, coefficients);
      System.arraycopy(u, 0, combined, coefficients, coefficients);
      if (layout.hasIntercept()) {
        System.arraycopy(x, coefficients, combined, 2 * coefficients, k);
        System.arraycopy(u, coefficients, combined, 2 * coefficients + k, k);
      }
      remember(x, u, true);
    }
    return combined;
  }

  /** x's and u's coefficients interleaved, for CSR blocks; built once per pass. */
  private double[] pairs(double[] x, double[] u) {
    if (x != combinedX || u != combinedU || stackedForm) {
      int coefficients = layout.coefficientCount();
      combined = new double[2 * coefficients];
      for (int j = 0; j < coefficients; j++) {
        combined[2 * j] = x[j];
        combined[2 * j + 1] = u[j];
      }
      remember(x, u, false);
    }
    return combined;
  }

  private void remember(double[] x, double[] u, boolean stackedForm) {
    combinedX = x;
    combinedU = u;
    this.stackedForm = stackedForm;
  }

  /**
   * For every displacement Δⱼ: adds Σ vᵢ [ℓ(yᵢ, m(x + Δⱼ)ᵢ) − ℓ(yᵢ, m(x)ᵢ)] to {@code out[j]},
   * summed row by row like {@link #addLineValues} (the margins of Δⱼ are computed directly,
   * not as the difference of two margins).
   */
  public void addDifferences(Block b, double[] params, double[][] displacements, double[] out) {
    int n = b.numRows();
    int k = layout.numOutputs();
    ensureScratch(n);
    BlockKernel.margins(b, layout, params, margins);
    double[] pair = new double[2];
    for (int j = 0; j < displacements.length; j++) {
      BlockKernel.margins(b, layout, displacements[j], scratch);
      double sum = 0;
      for (int r = 0; r < n; r++) {
        loss.alongLine(b.label(r), margins, scratch, r * k, 1.0, pair);
        sum += b.weight(r) * pair[0];
      }
      out[j] += sum;
    }
  }

  /**
   * Adds the gradient of Σ vᵢ ℓᵢ to {@code grad} and its Hessian Σ vᵢ ℓ''ᵢ x̃ᵢx̃ᵢᵀ to
   * {@code hessianUpper} (upper triangle, column-major, see {@link BlockGram#addWeightedGram});
   * returns Σ vᵢ ℓᵢ. Only for single-output losses with a second derivative.
   */
  public double addLossGradientAndHessian(Block b, double[] params, double[] grad,
      double[] hessianUpper) {
    if (layout.numOutputs() != 1 || !loss.hasSecondDerivative()) {
      throw new UnsupportedOperationException("no Hessian for the " + loss.name() + " loss");
    }
    int n = b.numRows();
    ensureScratch(n);
    BlockKernel.margins(b, layout, params, margins);
    double sum = addLossAndGradientAt(b, margins, grad);
    double[] curvature = new double[n];
    for (int r = 0; r < n; r++) {
      curvature[r] = b.weight(r) * loss.secondDerivative(b.label(r), margins, r);
    }
    BlockGram.addWeightedGram(b, layout.hasIntercept(), curvature, hessianUpper);
    return sum;
  }

  /**
   * One sweep for stochastic methods: adds [Σ vᵢ ℓᵢ over all rows, the same over the batch,
   * Σ vᵢ over the batch] to {@code sums} and the batch's gradient to {@code grad}. A row joins
   * the batch when {@code sampler} says so; it is asked once per row, in row order. The three
   * sums go to {@code sums[at]}, {@code sums[at + 1]}, {@code sums[at + 2]}.
   */
  public void addSampledLossAndGradient(Block b, double[] params, RowSampler sampler,
      double fraction, double[] grad, double[] sums, int at) {
    int n = b.numRows();
    int k = layout.numOutputs();
    ensureScratch(n);
    BlockKernel.margins(b, layout, params, margins);
    double all = 0;
    double batch = 0;
    double batchWeight = 0;
    for (int r = 0; r < n; r++) {
      double v = b.weight(r);
      double l = loss.valueAndDerivative(b.label(r), margins, r * k, scratch);
      all += v * l;
      if (sampler.take(fraction)) {
        batch += v * l;
        batchWeight += v;
        for (int c = 0; c < k; c++) {
          scratch[r * k + c] *= v;
        }
      } else {
        for (int c = 0; c < k; c++) {
          scratch[r * k + c] = 0;
        }
      }
    }
    BlockKernel.addGradient(b, layout, scratch, grad);
    sums[at] += all;
    sums[at + 1] += batch;
    sums[at + 2] += batchWeight;
  }

  /**
   * out += c · Σ vᵢ (I_K ⊗ x̃ᵢx̃ᵢᵀ) u, c the loss's curvature bound: a matrix that dominates
   * the Hessian of Σ vᵢ ℓᵢ everywhere, applied to u without forming it (two margin sweeps).
   */
  public void addCurvatureBoundTimes(Block b, double[] u, double[] out) {
    int n = b.numRows();
    int k = layout.numOutputs();
    ensureScratch(n);
    BlockKernel.margins(b, layout, u, scratch);
    double c = loss.curvatureBound();
    for (int r = 0; r < n; r++) {
      double f = c * b.weight(r);
      for (int j = 0; j < k; j++) {
        scratch[r * k + j] *= f;
      }
    }
    BlockKernel.addGradient(b, layout, scratch, out);
  }

  /**
   * The holdout sums, added row by row to sums[at] (Σ vᵢ ℓᵢ), sums[at + 1] (Σ vᵢ) and
   * sums[at + 2] (Σ vᵢ · the holdout metric's term): margins as scoring computes them
   * ({@link RowMargins}), so the score is the one a saved model would get.
   */
  public void addScores(Block b, double[] weights, double[] intercepts, double[] sums, int at) {
    Link link = loss.kind().link();
    HoldoutMetric metric = loss.kind().holdoutMetric();
    if (rowMargins.length != intercepts.length) {
      rowMargins = new double[intercepts.length];
    }
    int d = layout.numFeatures();
    for (int r = 0; r < b.numRows(); r++) {
      RowMargins.of(b, r, weights, intercepts, d, rowMargins);
      double y = b.label(r);
      double v = b.weight(r);
      double predicted = link.predict(rowMargins);
      sums[at] += v * loss.value(y, rowMargins, 0);
      sums[at + 1] += v;
      sums[at + 2] += v * metric.term(predicted, y);
    }
  }

  private double sumLoss(Block b, double[] m) {
    int n = b.numRows();
    int k = layout.numOutputs();
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += b.weight(r) * loss.value(b.label(r), m, r * k);
    }
    return sum;
  }
}
