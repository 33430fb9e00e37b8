package io.descent.gate;

import io.descent.loss.Loss;
import io.descent.predict.Scorer;
import io.descent.predict.input.FeatureRow;
import io.descent.predict.input.RowMapper;
import io.descent.predict.input.ScoringInput;
import io.descent.stats.PairedBootstrap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Both models on the same rows in one Spark job: each row is read once and scored by the
 * candidate and the champion (shipped together in one broadcast), and each partition sums its
 * rows' paired figures into a {@link PairedBootstrap.Partial}, collected in partition order.
 */
final class PairedScoring {
  private PairedScoring() {}

  /** What the tasks need: both scorers, the loss of their kind, the metric. */
  private record Models(Scorer candidate, Scorer champion, Loss loss, PromotionMetric metric)
      implements Serializable {}

  static List<PairedBootstrap.Partial> run(SparkSession spark, ScoringInput rows, Scorer candidate,
      Scorer champion, Loss loss, PromotionMetric metric, long seed, int replicates) {
    Broadcast<Models> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new Models(candidate, champion, loss, metric));
    try {
      return rows.map(new PairedFigures(shipped))
          .mapPartitionsWithIndex((partition, figures) -> {
            PairedBootstrap.Accumulator acc = new PairedBootstrap.Accumulator(seed, partition, replicates);
            while (figures.hasNext()) {
              double[] f = figures.next();
              acc.add(f[0], f[1]);
            }
            List<PairedBootstrap.Partial> one = new ArrayList<>(1);
            one.add(acc.finish());
            return one.iterator();
          }, false)
          .collect();
    } catch (Exception e) {
      throw rows.explain(e);
    } finally {
      shipped.destroy();
    }
  }

  /** A row's figure under each model: {candidate, champion}. */
  private static final class PairedFigures implements RowMapper<double[]> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Models> models;
    private transient double[] margins;

    PairedFigures(Broadcast<Models> models) {
      this.models = models;
    }

    @Override
    public double[] map(FeatureRow row) {
      Models m = models.value();
      if (margins == null) {
        margins = new double[m.candidate().numOutputs()];
      }
      double label = m.candidate().labels().toTraining(row.label());
      return new double[] {figure(m, m.candidate(), row, label), figure(m, m.champion(), row, label)};
    }

    private double figure(Models m, Scorer s, FeatureRow row, double label) {
      s.margins(row.indices(), row.values(), 0, row.size(), margins);
      return m.metric().perRow(label, s.predict(margins), m.loss().value(label, margins, 0));
    }
  }
}
