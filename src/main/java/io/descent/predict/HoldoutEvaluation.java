package io.descent.predict;

import io.descent.block.Block;
import io.descent.data.packing.TrainingData;
import io.descent.loss.HoldoutMetric;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.model.LinearModel;
import io.descent.report.ValidationRecord;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * Scores the cached held-out blocks with an iteration's parameters: one small Spark job per
 * call over the holdout only (never the training rows), partials added in partition order.
 */
public final class HoldoutEvaluation {
  private final TrainingData holdout;
  private final Loss loss;
  private final ParamLayout layout;
  private final HoldoutMetric metric;

  public HoldoutEvaluation(TrainingData holdout, Loss loss, ParamLayout layout) {
    this.holdout = holdout;
    this.loss = loss;
    this.layout = layout;
    this.metric = loss.kind().holdoutMetric();
  }

  public String metricName() {
    return metric.metricName();
  }

  public ValidationRecord evaluate(int iteration, double[] params) {
    Scorer scorer = new Scorer(new LinearModel(loss.kind(), layout, params, holdout.labels(), Map.of()));
    Broadcast<Scorer> shipped =
        JavaSparkContext.fromSparkContext(holdout.blocks().context()).broadcast(scorer);
    try {
      List<double[]> partials = holdout.blocks().mapPartitions(new Sums(shipped, loss, metric)).collect();
      double lossSum = 0;
      double weightSum = 0;
      double metricSum = 0;
      for (double[] p : partials) {
        lossSum += p[0];
        weightSum += p[1];
        metricSum += p[2];
      }
      return new ValidationRecord(iteration, lossSum / weightSum, metric.metricName(),
          metric.of(metricSum, weightSum));
    } finally {
      shipped.destroy();
    }
  }

  /** One partition's Σv·loss, Σv, and Σv·term of the metric ([correct], or (prediction − label)²). */
  private static final class Sums implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<Scorer> model;
    private final Loss loss;
    private final HoldoutMetric metric;

    Sums(Broadcast<Scorer> model, Loss loss, HoldoutMetric metric) {
      this.model = model;
      this.loss = loss;
      this.metric = metric;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      Scorer scorer = model.value();
      double[] margins = new double[scorer.numOutputs()];
      double[] sums = new double[3];
      while (blocks.hasNext()) {
        Block b = blocks.next();
        for (int r = 0; r < b.numRows(); r++) {
          scorer.margins(b, r, margins);
          double y = b.label(r);
          double v = b.weight(r);
          double predicted = scorer.predict(margins);
          sums[0] += v * loss.value(y, margins, 0);
          sums[1] += v;
          sums[2] += v * metric.term(predicted, y);
        }
      }
      return List.of(sums).iterator();
    }
  }
}
