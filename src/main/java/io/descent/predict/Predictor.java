package io.descent.predict;

import io.descent.data.source.InputSpec;
import io.descent.model.LinearModel;
import io.descent.predict.input.ScoringInput;
import io.descent.store.AtomicDirectoryWriter;
import io.descent.store.DirectoryLock;
import io.descent.store.OutputKind;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * descent predict: one Spark job that reads the input, scores every row with the broadcast
 * model and writes the predictions (in input order, partition by partition) as Parquet or
 * CSV. Nothing but the job's outcome reaches the driver. The output directory appears whole
 * or not at all.
 */
public final class Predictor {
  public static final List<String> OUTPUT_FORMATS = List.of("parquet", "csv");

  private final SparkSession spark;
  private final Consumer<String> notices;

  public Predictor(SparkSession spark) {
    this(spark, n -> System.err.println("note: " + n));
  }

  /** {@code notices} hears what the reader says once about the input (a column it ignored). */
  public Predictor(SparkSession spark, Consumer<String> notices) {
    this.spark = spark;
    this.notices = notices;
  }

  /** Scores {@code input} and publishes the predictions at {@code output}; returns whether the input had labels. */
  public boolean run(LinearModel model, InputSpec input, String output, String outputFormat,
      boolean overwrite) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    AtomicDirectoryWriter writer = new AtomicDirectoryWriter(hadoop, OutputKind.PREDICTIONS);
    writer.preflight(output, overwrite, "--output");
    try (DirectoryLock lock = DirectoryLock.acquire(hadoop, output, "--output", "descent predict",
        w -> System.err.println("warning: " + w))) {
      writer.recoverLeftovers(output).forEach(System.err::println);
      return score(model, input, writer, output, outputFormat, overwrite);
    }
  }

  private boolean score(LinearModel model, InputSpec input, AtomicDirectoryWriter writer,
      String output, String outputFormat, boolean overwrite) {
    Scorer scorer = new Scorer(model);
    ScoringInput rows = ModelInput.open(spark, model, input, null);
    if (rows.notice() != null) {
      notices.accept(rows.notice());
    }
    Broadcast<Scorer> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(scorer);
    try {
      JavaRDD<Row> predictions = rows.map(PredictionRows.mapper(shipped));
      Dataset<Row> frame = spark.createDataFrame(predictions, PredictionRows.schema(scorer, rows.hasLabels()));
      writer.writeDirectory(output, overwrite, tmp -> frame.write().format(outputFormat)
          .option("header", "true").save(tmp.toString()));
    } catch (Exception e) {
      // Also Spark's checked SparkException, which reaches Java undeclared.
      throw rows.explain(e);
    } finally {
      shipped.destroy();
    }
    return rows.hasLabels();
  }
}
