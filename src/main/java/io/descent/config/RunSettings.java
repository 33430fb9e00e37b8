package io.descent.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how this run goes, none of which changes the model a run ends with, so a resumed
 * run may differ in any of them: the output, the checkpoints, the Spark master, storage level
 * and configuration, and the run's limits. The iteration budget is one (a resume may extend
 * it), newton's size guard another (it refuses a model or lets it be), the bad-record policy
 * a third (a load that succeeds under fail reads the same rows under skip).
 *
 * @param resume auto, never or force
 * @param master null: spark-submit's, else local[*]
 * @param sparkConf the spark.* settings passed to the session
 */
public record RunSettings(
    String output,
    boolean overwrite,
    String checkpointDir,
    int checkpointEvery,
    int keepCheckpoints,
    String resume,
    String master,
    String storageLevel,
    Map<String, String> sparkConf,
    int maxIter,
    int newtonMaxDim,
    String badRecords) {

  void addTo(SettingsJson json) {
    json.put("output", output)
        .put("overwrite", overwrite)
        .put("checkpointDir", checkpointDir)
        .put("checkpointEvery", checkpointEvery)
        .put("keepCheckpoints", keepCheckpoints)
        .put("resume", resume)
        .put("master", master)
        .put("storageLevel", storageLevel)
        .put("sparkConf", sparkConf.isEmpty() ? null : new TreeMap<>(sparkConf))
        .put("maxIter", maxIter)
        .put("newtonMaxDim", newtonMaxDim)
        .put("badRecords", badRecords);
  }
}
