package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.block.Block;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import io.descent.testing.SharedSpark;
import io.descent.testing.TestBlocks;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SquaredL2Updater;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.apache.spark.mllib.util.MLUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * Logistic regression on a9a (labels −1→0, no intercept, λ = 0.1): Descent's armijo reaches
 * the optimum that Spark MLlib's own L-BFGS finds on the same data, measured in this run.
 */
class A9aLogisticOptimumTest {
  private static final double LAMBDA = 0.1;
  @TempDir Path tmp;

  @Test
  void armijoReachesMllibLbfgsOptimum() {
    String a9a = Datasets.shared("a9a").toString();
    double reference = objective(mllibLbfgsWeights(a9a));

    Path out = tmp.resolve("a9a");
    CliRun r = CliRun.of("train", "--data", a9a, "--loss", "logistic", "--intercept", "false",
        "--reg", String.valueOf(LAMBDA), "--optimizer", "armijo", "--tol", "1e-13",
        "--grad-tol", "1e-8", "--max-iter", "1000", "--partitions", "4", "--output",
        out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode training = ModelFiles.model(out).get("training");
    double reached = training.get("objective").asDouble();
    // Recompute from the written weights too: the recorded objective must be the real one.
    JsonNode w = ModelFiles.model(out).get("weights");
    double[] weights = new double[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.get(i).asDouble();
    }
    assertEquals(objective(weights), reached, 1e-12);
    assertTrue((reached - reference) / reference <= 1e-6,
        "F = " + reached + ", MLlib L-BFGS F* = " + reference);
    assertNonIncreasing(ModelFiles.metrics(out).get("history"));
  }

  static void assertNonIncreasing(JsonNode history) {
    double prev = Double.POSITIVE_INFINITY;
    for (JsonNode h : history) {
      double f = h.get("objective").asDouble();
      assertTrue(f <= prev, "objective rose at iteration " + h.get("iteration") + ": " + prev + " -> " + f);
      prev = f;
    }
  }

  /** MLlib's L-BFGS on the same objective: mean logistic loss + (λ/2)‖w‖², no intercept. */
  private static double[] mllibLbfgsWeights(String path) {
    JavaRDD<LabeledPoint> points = MLUtils.loadLibSVMFile(SharedSpark.jsc().sc(), path).toJavaRDD();
    JavaRDD<Tuple2<Object, Vector>> data = points
        .map(p -> new Tuple2<Object, Vector>(p.label() > 0 ? 1.0 : 0.0, p.features())).cache();
    Tuple2<Vector, double[]> result = LBFGS.runLBFGS(data.rdd(), new LogisticGradient(),
        new SquaredL2Updater(), 10, 1e-10, 500, LAMBDA, Vectors.zeros(123));
    data.unpersist(false);
    return result._1().toArray();
  }

  /** The objective of DESIGN.md, computed plainly row by row (no Descent code path). */
  private static double objective(double[] w) {
    List<Block> blocks = TestBlocks.libsvm(Datasets.shared("a9a"), 1 << 20, y -> y > 0 ? 1 : 0);
    double sum = 0;
    long n = 0;
    for (Block b : blocks) {
      for (int r = 0; r < b.numRows(); r++, n++) {
        double m = 0;
        for (int p = b.rowStart()[r]; p < b.rowStart()[r + 1]; p++) {
          m += b.values()[p] * w[b.indices()[p]];
        }
        sum += Math.log1p(Math.exp(-Math.abs(m))) + Math.max(m, 0) - b.label(r) * m;
      }
    }
    double sq = 0;
    for (double v : w) {
      sq += v * v;
    }
    return sum / n + 0.5 * LAMBDA * sq;
  }
}
