package io.descent.gate;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import io.descent.data.source.InputSpec;
import io.descent.model.LinearModel;
import io.descent.predict.ModelInput;
import io.descent.predict.Scorer;
import io.descent.predict.input.ScoringInput;
import io.descent.reliability.FaultInjection;
import io.descent.report.Json;
import io.descent.stats.PairedBootstrap;
import io.descent.store.AtomicFile;
import io.descent.store.ModelPointer;
import io.descent.store.ModelStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * descent promote: the candidate against the champion ({@code MODELS/latest}) on the same
 * held-out rows. The candidate is refused when it is worse by more than the allowed
 * regression with the interval's confidence: when the whole interval of (candidate − champion,
 * signed so that positive is worse) lies above it. Then promotion.json is written in the
 * candidate's directory and, for a promoted candidate, latest is switched to it, in that
 * order: a run killed in between leaves the old champion, and its rerun (deterministic: the
 * same decision) completes the switch.
 */
public final class Promotion {
  public static final String PROMOTION_JSON = "promotion.json";
  /** The fault point between promotion.json and the switch. */
  public static final String BEFORE_SWITCH = "promote.beforeSwitch";

  /** How to compare. */
  public record Settings(String metric, double maxRegression, double confidence, int replicates,
      long seed) {}

  private final SparkSession spark;
  private final Configuration conf;
  private final Consumer<String> log;

  public Promotion(SparkSession spark, Consumer<String> log) {
    this.spark = spark;
    this.conf = spark.sparkContext().hadoopConfiguration();
    this.log = log;
  }

  /** Decides, records and switches; returns promotion.json's content. */
  public Map<String, Object> run(String candidateDir, String models, InputSpec holdout, Settings s) {
    ModelPointer pointer = new ModelPointer(conf, models);
    String version = pointer.versionOf(candidateDir).orElseThrow(() -> new BadInputException(
        "--candidate " + candidateDir + " is not a version directory directly inside --models " + models));
    ModelStore store = new ModelStore(conf, w -> log.accept("warning: " + w));
    LinearModel candidate = store.read(candidateDir, "--candidate");
    PromotionMetric metric = PromotionMetric.named(
        s.metric() == null ? PromotionMetric.LOSS.cliName() : s.metric(), candidate.loss());
    Optional<String> current = pointer.current();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("candidate", version);
    record.put("champion", current.orElse(null));
    record.put("metric", metric.cliName());
    record.put("higherIsBetter", metric.higherIsBetter());
    record.put("maxRegression", s.maxRegression());
    if (current.isPresent() && current.get().equals(version)) {
      log.accept(models + "/latest already names " + version + ": nothing to do");
      record.put("decision", "already the champion");
      return record;
    }
    boolean promote;
    if (current.isEmpty()) {
      record.put("decision", "promoted");
      record.put("reason", "no champion yet: " + models + "/latest does not exist");
      promote = true;
    } else {
      String championDir = pointer.directory(current.get());
      LinearModel champion = store.read(championDir, models + "/latest");
      requireComparable(candidate, champion, current.get());
      PairedBootstrap.Interval diff = compare(candidate, champion, holdout, metric, s);
      double sign = metric.higherIsBetter() ? -1 : 1;
      // The regression interval: (candidate − champion), positive when the candidate is worse.
      double lower = Math.min(sign * diff.lower(), sign * diff.upper());
      double upper = Math.max(sign * diff.lower(), sign * diff.upper());
      promote = !(lower > s.maxRegression());
      record.put("rows", diff.rows());
      record.put("candidateValue", diff.a());
      record.put("championValue", diff.b());
      record.put("difference", diff.difference());
      record.put("regression", sign * diff.difference());
      Map<String, Object> interval = new LinkedHashMap<>();
      interval.put("confidence", diff.confidence());
      interval.put("regressionLower", lower);
      interval.put("regressionUpper", upper);
      interval.put("method", "paired Poisson bootstrap over rows, percentile interval");
      interval.put("replicates", diff.replicates());
      interval.put("seed", s.seed());
      record.put("interval", interval);
      record.put("decision", promote ? "promoted" : "not promoted");
      record.put("reason", String.format(java.util.Locale.ROOT,
          "%s: candidate %.6g, champion %.6g; the regression is in [%.4g, %.4g] at %.0f%%, %s %.4g",
          metric.cliName(), diff.a(), diff.b(), lower, upper, 100 * diff.confidence(),
          promote ? "not all above the allowed" : "all above the allowed", s.maxRegression()));
    }
    AtomicFile.replace(conf, new Path(candidateDir, PROMOTION_JSON), Json.write(record));
    FaultInjection.haltAt(spark.sparkContext().getConf(), BEFORE_SWITCH);
    if (promote) {
      pointer.switchTo(version);
      log.accept("promoted: " + models + "/latest -> " + version);
    } else {
      throw new DescentException(ExitCodes.NOT_PROMOTED, "not promoted: " + record.get("reason")
          + "; " + models + "/latest still names " + current.orElse(null)
          + " (" + candidateDir + "/" + PROMOTION_JSON + ")");
    }
    return record;
  }

  private PairedBootstrap.Interval compare(LinearModel candidate, LinearModel champion,
      InputSpec holdout, PromotionMetric metric, Settings s) {
    ScoringInput rows = ModelInput.open(spark, candidate, holdout, candidate.labels());
    if (rows.notice() != null) {
      log.accept("note: " + rows.notice());
    }
    List<PairedBootstrap.Partial> partials = PairedScoring.run(spark, rows, new Scorer(candidate),
        new Scorer(champion), candidate.loss().create(candidate.labels().numClasses()), metric,
        s.seed(), s.replicates());
    try {
      return PairedBootstrap.interval(partials, metric.ofMean(), s.confidence());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--data " + rows.display() + ": " + e.getMessage());
    }
  }

  /** One input must fit both: the same loss, features, columns, hashing and labels. */
  private static void requireComparable(LinearModel candidate, LinearModel champion, String name) {
    String differs = null;
    if (candidate.loss() != champion.loss()) {
      differs = "loss (" + candidate.loss().cliName() + " and " + champion.loss().cliName() + ")";
    } else if (candidate.layout().numFeatures() != champion.layout().numFeatures()) {
      differs = "feature count (" + candidate.layout().numFeatures() + " and "
          + champion.layout().numFeatures() + ")";
    } else if (!candidate.labels().equals(champion.labels())) {
      differs = "labels (" + candidate.labels() + " and " + champion.labels() + ")";
    } else if (!Objects.equals(candidate.columns(), champion.columns())
        || !Objects.equals(candidate.hashing(), champion.hashing())) {
      differs = "feature columns or hashing";
    }
    if (differs != null) {
      throw new BadInputException("the candidate and the champion " + name + " differ in their "
          + differs + ", so no one input scores both; compare them by hand, then point latest yourself");
    }
  }
}
