package io.descent.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;

/**
 * Run in a new JVM by {@link PipelinePersistenceTest}: loads a saved PipelineModel, scores a
 * CSV with it and writes the scored columns as text ({@link PipelinePersistenceTest#lines}),
 * every double in full, so the parent can compare bit for bit.
 */
public final class ScoreSavedPipeline {
  private ScoreSavedPipeline() {}

  public static void main(String[] args) throws IOException {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("score-saved-pipeline")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      PipelineModel model = PipelineModel.load(args[0]);
      List<String> lines = PipelinePersistenceTest.lines(model.transform(
          spark.read().option("header", "true").option("inferSchema", "true").csv(args[1])
              .withColumnRenamed("target", "label")));
      Files.write(Path.of(args[2]), lines);
      System.out.println("scored " + lines.size() + " rows");
    } finally {
      spark.stop();
    }
  }
}
