package io.descent.loss;

import io.descent.data.Block;

/**
 * The weighted loss sum Σ vᵢ ℓ(yᵢ, mᵢ) of a block and its gradient, and the same sum at
 * many trial points in one sweep. One instance per task: it owns the scratch arrays.
 */
public final class BlockObjective {
  private final Loss loss;
  private final ParamLayout layout;
  private double[] margins = new double[0];
  private double[] scratch = new double[0];

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

  /** Adds the gradient of Σ vᵢ ℓᵢ to {@code grad} and returns Σ vᵢ ℓᵢ. */
  public double addLossAndGradient(Block b, double[] params, double[] grad) {
    int n = b.numRows();
    int k = layout.numOutputs();
    ensureScratch(n);
    BlockKernel.margins(b, layout, params, margins);
    double sum = 0;
    for (int r = 0; r < n; r++) {
      double v = b.weight(r);
      double l = loss.valueAndDerivative(b.label(r), margins, r * k, scratch);
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
