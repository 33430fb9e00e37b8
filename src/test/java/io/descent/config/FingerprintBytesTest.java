package io.descent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.descent.report.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The settings split into parts still record and fingerprint exactly what they did. */
class FingerprintBytesTest {
  /** Every setting given, most of them not at their defaults. */
  static TrainConfig full() {
    Settings s = new Settings();
    s.put("spark.executor.memory", "3g", "--conf");
    s.put("spark.sql.shuffle.partitions", "7", "--conf");
    s.putFlag("data", "hdfs:///data/train.csv");
    s.putFlag("format", "csv");
    s.putFlag("label-col", "y");
    s.putFlag("weight-col", "w");
    s.putFlag("features-col", "f");
    s.putFlag("num-features", "12");
    s.putFlag("loss", "logistic");
    s.putFlag("positive-label", "2");
    s.putFlag("output", "/tmp/out");
    s.putFlag("overwrite", "true");
    s.putFlag("optimizer", "lbfgs");
    s.putFlag("step", "0.25");
    s.putFlag("lbfgs-memory", "7");
    s.putFlag("newton-max-dim", "100");
    s.putFlag("batch-fraction", "0.5");
    s.putFlag("step-schedule", "decay");
    s.putFlag("step-decay", "0.02");
    s.putFlag("momentum", "0.9");
    s.putFlag("reg", "0.01");
    s.putFlag("elastic-net", "0.5");
    s.putFlag("intercept", "false");
    s.putFlag("max-iter", "33");
    s.putFlag("tol", "1e-9");
    s.putFlag("grad-tol", "1e-7");
    s.putFlag("checkpoint-dir", "/tmp/ckpt");
    s.putFlag("checkpoint-every", "5");
    s.putFlag("keep-checkpoints", "2");
    s.putFlag("resume", "force");
    s.putFlag("warm-start", "/tmp/previous");
    s.putFlag("partitions", "4");
    s.putFlag("seed", "7");
    s.putFlag("master", "local[2]");
    s.putFlag("block-bytes", "4096");
    s.putFlag("feature-precision", "float");
    s.putFlag("storage-level", "MEMORY_AND_DISK");
    s.putFlag("holdout", "0.2");
    s.putFlag("bad-records", "skip");
    s.putFlag("hash-features", "1024");
    s.putFlag("aggregation-depth", "3");
    return TrainConfig.from(s);
  }

  /** Only the required settings. */
  static TrainConfig minimal() {
    Settings s = new Settings();
    s.putFlag("data", "data-samples/heart_scale");
    s.putFlag("loss", "squared");
    s.putFlag("output", "/tmp/heart-model");
    return TrainConfig.from(s);
  }

  /**
   * The exact text that model.json's training.config and a checkpoint's config held before
   * the settings were split into parts (captured from e0d4c6e): a checkpoint written then
   * must still resume, so not a key, order or value may change.
   */
  @Test
  void fullConfigWritesTheSameBytes() {
    assertEquals("""
        {
          "aggregationDepth" : 3,
          "batchFraction" : 0.5,
          "blockBytes" : 4096,
          "data" : "hdfs:///data/train.csv",
          "elasticNet" : 0.5,
          "featurePrecision" : "float",
          "featuresCol" : "f",
          "format" : "csv",
          "gradTol" : 1.0E-7,
          "hashFeatures" : 1024,
          "holdout" : 0.2,
          "intercept" : false,
          "labelCol" : "y",
          "lbfgsMemory" : 7,
          "loss" : "logistic",
          "momentum" : 0.9,
          "numFeatures" : 12,
          "optimizer" : "lbfgs",
          "partitions" : 4,
          "positiveLabel" : 2.0,
          "reg" : 0.01,
          "seed" : 7,
          "step" : 0.25,
          "stepDecay" : 0.02,
          "stepSchedule" : "decay",
          "tol" : 1.0E-9,
          "warmStart" : "/tmp/previous",
          "weightCol" : "w"
        }
        """, text(full().fingerprint()));
    assertEquals("""
        {
          "aggregationDepth" : 3,
          "badRecords" : "skip",
          "batchFraction" : 0.5,
          "blockBytes" : 4096,
          "checkpointDir" : "/tmp/ckpt",
          "checkpointEvery" : 5,
          "data" : "hdfs:///data/train.csv",
          "elasticNet" : 0.5,
          "featurePrecision" : "float",
          "featuresCol" : "f",
          "format" : "csv",
          "gradTol" : 1.0E-7,
          "hashFeatures" : 1024,
          "holdout" : 0.2,
          "intercept" : false,
          "keepCheckpoints" : 2,
          "labelCol" : "y",
          "lbfgsMemory" : 7,
          "loss" : "logistic",
          "master" : "local[2]",
          "maxIter" : 33,
          "momentum" : 0.9,
          "newtonMaxDim" : 100,
          "numFeatures" : 12,
          "optimizer" : "lbfgs",
          "output" : "/tmp/out",
          "overwrite" : true,
          "partitions" : 4,
          "positiveLabel" : 2.0,
          "reg" : 0.01,
          "resume" : "force",
          "seed" : 7,
          "sparkConf" : {
            "spark.executor.memory" : "3g",
            "spark.sql.shuffle.partitions" : "7"
          },
          "step" : 0.25,
          "stepDecay" : 0.02,
          "stepSchedule" : "decay",
          "storageLevel" : "MEMORY_AND_DISK",
          "tol" : 1.0E-9,
          "warmStart" : "/tmp/previous",
          "weightCol" : "w"
        }
        """, text(full().toJson()));
  }

  // The default optimizer became "auto" (issue 14): a minimal configuration's bytes say so.
  // The trainer replaces it by the optimizer it chose before any fingerprint is taken, so a
  // checkpoint records the optimizer that made it.
  @Test
  void minimalConfigWritesTheSameBytes() {
    assertEquals("""
        {
          "aggregationDepth" : 2,
          "batchFraction" : 0.1,
          "blockBytes" : 1048576,
          "data" : "data-samples/heart_scale",
          "elasticNet" : 0.0,
          "gradTol" : 1.0E-6,
          "intercept" : true,
          "lbfgsMemory" : 10,
          "loss" : "squared",
          "momentum" : 0.0,
          "optimizer" : "auto",
          "partitions" : 0,
          "reg" : 0.0,
          "seed" : 42,
          "step" : "auto",
          "stepDecay" : 0.01,
          "stepSchedule" : "constant",
          "tol" : 1.0E-6
        }
        """, text(minimal().fingerprint()));
    assertEquals("""
        {
          "aggregationDepth" : 2,
          "badRecords" : "fail",
          "batchFraction" : 0.1,
          "blockBytes" : 1048576,
          "checkpointEvery" : 1,
          "data" : "data-samples/heart_scale",
          "elasticNet" : 0.0,
          "gradTol" : 1.0E-6,
          "intercept" : true,
          "keepCheckpoints" : 3,
          "lbfgsMemory" : 10,
          "loss" : "squared",
          "maxIter" : 100,
          "momentum" : 0.0,
          "newtonMaxDim" : 4096,
          "optimizer" : "auto",
          "output" : "/tmp/heart-model",
          "overwrite" : false,
          "partitions" : 0,
          "reg" : 0.0,
          "resume" : "auto",
          "seed" : 42,
          "step" : "auto",
          "stepDecay" : 0.01,
          "stepSchedule" : "constant",
          "storageLevel" : "MEMORY_ONLY",
          "tol" : 1.0E-6
        }
        """, text(minimal().toJson()));
  }

  private static String text(Object json) {
    return new String(Json.write(json), StandardCharsets.UTF_8);
  }
}
