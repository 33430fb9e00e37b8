package io.descent.train;

import io.descent.BadInputException;
import io.descent.config.TrainConfig;
import io.descent.loss.ParamLayout;
import io.descent.model.LinearModel;

/** Starting parameters from a previous model, after checking that it fits this run. */
final class WarmStart {
  private WarmStart() {}

  static double[] params(LinearModel previous, TrainConfig config, ParamLayout layout) {
    String at = "--warm-start " + config.solver().warmStart() + ": ";
    if (previous.loss() != config.model().loss()) {
      throw new BadInputException(at + "the model was trained with loss " + previous.loss()
          + ", this run uses " + config.model().loss() + ".");
    }
    ParamLayout old = previous.layout();
    if (old.numFeatures() != layout.numFeatures()) {
      throw new BadInputException(at + "the model has " + old.numFeatures()
          + " features, the data has " + layout.numFeatures() + ".");
    }
    if (old.numOutputs() != layout.numOutputs()) {
      throw new BadInputException(at + "the model has " + old.numOutputs()
          + " classes, the data has " + layout.numOutputs() + ".");
    }
    double[] x = new double[layout.size()];
    double[] p = previous.params();
    System.arraycopy(p, 0, x, 0, layout.coefficientCount());
    if (layout.hasIntercept() && old.hasIntercept()) {
      for (int k = 0; k < layout.numOutputs(); k++) {
        x[layout.interceptIndex(k)] = p[old.interceptIndex(k)];
      }
    }
    return x;
  }
}
