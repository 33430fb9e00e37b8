package io.descent.gate;

import io.descent.BadInputException;
import io.descent.data.source.InputSpec;
import io.descent.model.LinearModel;
import io.descent.predict.ModelInput;
import io.descent.predict.input.ScoringInput;
import io.descent.profile.DataProfile;
import io.descent.profile.DriftReport;
import io.descent.profile.DriftThresholds;
import io.descent.profile.FeatureTally;
import io.descent.profile.PartitionProfile;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * descent check: one Spark job over new labelled data, read with the model's shape (its
 * feature count, column names or hashing: a mismatch is a located error before any job), its
 * labels required to be ones the model knows, and profiled exactly on the features the
 * model's profile lists; then the PSI of each against the recorded profile.
 */
public final class DataCheck {
  private final SparkSession spark;
  private final Consumer<String> notices;

  public DataCheck(SparkSession spark, Consumer<String> notices) {
    this.spark = spark;
    this.notices = notices;
  }

  /** One copied input row: the training label and the non-zero features. */
  private record ProfileRow(double label, int[] indices, double[] values) implements Serializable {}

  @SuppressWarnings("unchecked")
  public DriftReport run(LinearModel model, String modelDir, InputSpec input, DriftThresholds thresholds) {
    Object recorded = model.training().get("dataProfile");
    if (!(recorded instanceof Map)) {
      throw new BadInputException("--model: " + modelDir + " records no data profile (it was"
          + " trained by a Descent before profiles, or from a DataFrame); train it again to check data against it.");
    }
    DataProfile reference;
    try {
      reference = DataProfile.fromJson((Map<String, Object>) recorded);
    } catch (RuntimeException e) {
      throw new BadInputException("--model: " + modelDir + " has an unreadable data profile: " + e.getMessage());
    }
    ScoringInput rows = ModelInput.open(spark, model, input, model.labels());
    if (rows.notice() != null) {
      notices.accept(rows.notice());
    }
    io.descent.data.labels.LabelMapping labels = model.labels();
    boolean classLabels = reference.classLabels();
    int[] tracked = reference.featureIndices();
    JavaRDD<PartitionProfile> parts = rows.map(r -> new ProfileRow(labels.toTraining(r.label()),
            Arrays.copyOf(r.indices(), r.size()), Arrays.copyOf(r.values(), r.size())))
        .mapPartitions(it -> {
          FeatureTally tally = new FeatureTally(classLabels);
          while (it.hasNext()) {
            ProfileRow r = it.next();
            tally.addRow(r.label(), r.indices(), r.values(), 0, r.indices().length);
          }
          return List.of(tally.summarize(tracked.length, tracked)).iterator();
        });
    List<PartitionProfile> collected;
    try {
      collected = parts.collect();
    } catch (Exception e) {
      throw rows.explain(e);
    }
    DataProfile current = DataProfile.merge(collected, classLabels, Integer.MAX_VALUE);
    if (current.rows() == 0) {
      throw new BadInputException(rows.display() + " contains no rows");
    }
    List<String> names = model.columns() == null ? null : model.columns().features();
    return DriftReport.compare(reference, current, names, thresholds);
  }
}
