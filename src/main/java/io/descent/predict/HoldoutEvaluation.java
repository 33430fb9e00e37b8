package io.descent.predict;

import io.descent.data.packing.TrainingData;
import io.descent.engine.PassRunner;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.report.ValidationRecord;

/**
 * Scores the cached held-out blocks with an iteration's parameters: one engine pass
 * ({@link PassRequest#scoreAt}) over the holdout only, never the training rows. Its
 * reduction has depth 1, so the partials are added on the driver one after the other in
 * partition order.
 */
public final class HoldoutEvaluation {
  private final TrainingData holdout;
  private final PassRunner passes;
  private final String metricName;

  public HoldoutEvaluation(TrainingData holdout, Loss loss, ParamLayout layout) {
    this.holdout = holdout;
    this.passes = new PassRunner(holdout.blocks(), loss, layout, 1);
    this.metricName = loss.kind().holdoutMetric().metricName();
  }

  public String metricName() {
    return metricName;
  }

  public ValidationRecord evaluate(int iteration, double[] params) {
    PassResult.HoldoutScore s =
        passes.run(PassRequest.scoreAt(params), holdout.weightSum()).score();
    return new ValidationRecord(iteration, s.loss(), s.metricName(), s.metric());
  }
}
