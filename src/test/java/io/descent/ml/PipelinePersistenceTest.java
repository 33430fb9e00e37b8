package io.descent.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.Datasets;
import io.descent.testing.DescentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A PipelineModel with a DescentModel stage, saved here and loaded in a new JVM, predicts the same bits. */
class PipelinePersistenceTest {
  @TempDir Path tmp;

  /** The scored columns of each row, in order, every double printed exactly. */
  static List<String> lines(Dataset<Row> scored) {
    List<String> out = new ArrayList<>();
    for (Row r : scored.select("rawPrediction", "probability", "prediction").collectAsList()) {
      out.add(java.util.Arrays.toString(((Vector) r.get(0)).toArray()) + " "
          + java.util.Arrays.toString(((Vector) r.get(1)).toArray()) + " " + r.getDouble(2));
    }
    return out;
  }

  @Test
  @Timeout(180)
  void aSavedPipelineModelPredictsTheSameInANewJvm() throws Exception {
    Dataset<Row> raw = MlFrames.raw("breast_cancer.csv");
    PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {MlFrames.assembler(raw),
        new DescentEstimator().setLoss("logistic").setRegParam(0.01).setThreshold(0.3)}).fit(raw);
    Path saved = tmp.resolve("pipeline");
    fitted.write().save(saved.toString());
    List<String> here = lines(fitted.transform(raw));

    Path there = tmp.resolve("scored.txt");
    try (DescentProcess child = DescentProcess.startMain("1g", ScoreSavedPipeline.class.getName(),
        saved.toString(), Datasets.shared("breast_cancer.csv").toString(), there.toString())) {
      assertEquals(0, child.waitFor(150), child.output());
    }
    List<String> loaded = Files.readAllLines(there);
    assertEquals(569, loaded.size());
    assertEquals(here, loaded, "identical rawPrediction, probability and prediction, bit for bit");
    assertTrue(here.stream().anyMatch(l -> l.endsWith(" 1.0")) && here.stream().anyMatch(l -> l.endsWith(" 0.0")));
  }
}
