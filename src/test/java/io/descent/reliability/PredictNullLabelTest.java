package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels are optional for predict: a Parquet row whose label is null is scored (its label
 * cell stays empty); evaluate, which needs every label, names the row.
 */
class PredictNullLabelTest {
  @TempDir Path tmp;

  @Test
  void aNullLabelIsScoredByPredictAndLocatedByEvaluate() throws IOException {
    List<String> csv = new ArrayList<>(List.of("a,b,label"));
    for (int i = 0; i < 40; i++) {
      double a = (i * 7 % 11) / 11.0;
      double b = (i * 5 % 13) / 13.0;
      csv.add(a + "," + b + "," + (a + b > 1 ? 1 : 0));
    }
    Path train = Files.write(tmp.resolve("train.csv"), csv);
    Path model = tmp.resolve("model");
    CliRun fit = CliRun.of("train", "--data", train.toString(), "--loss", "logistic",
        "--max-iter", "5", "--output", model.toString());
    assertEquals(0, fit.exitCode(), fit.toString());

    StructType schema = new StructType().add("a", DataTypes.DoubleType)
        .add("b", DataTypes.DoubleType).add("label", DataTypes.DoubleType, true);
    List<Row> rows = List.of(RowFactory.create(0.1, 0.2, 0.0), RowFactory.create(0.9, 0.8, null),
        RowFactory.create(0.7, 0.6, 1.0));
    Path parquet = tmp.resolve("score.parquet");
    SharedSpark.session().createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());

    Path out = tmp.resolve("predictions");
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data",
        parquet.toString(), "--output", out.toString());
    assertEquals(0, predict.exitCode(), predict.toString());
    List<Row> scored = SharedSpark.session().read().parquet(out.toString()).collectAsList();
    assertEquals(3, scored.size(), scored.toString());
    assertEquals(1, scored.stream().filter(r -> r.isNullAt(r.fieldIndex("label"))).count(),
        scored.toString());

    Path csv2 = Files.write(tmp.resolve("score.csv"), List.of("a,b,label", "0.1,0.2,0", "0.9,0.8,",
        "0.7,0.6,1"));
    CliRun predictCsv = CliRun.of("predict", "--model", model.toString(), "--data",
        csv2.toString(), "--output", tmp.resolve("csv-predictions").toString());
    assertEquals(0, predictCsv.exitCode(), predictCsv.toString());

    CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data",
        parquet.toString());
    assertEquals(2, evaluate.exitCode(), evaluate.toString());
    assertTrue(evaluate.err().contains("score.parquet") && evaluate.err().contains("row 2"),
        evaluate.err());
  }
}
