package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.DescentProcess;
import io.descent.testing.MiniHdfs;
import io.descent.testing.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data, checkpoints and model on a real HDFS (MiniDFSCluster, two DataNodes): the driver JVM
 * is killed with SIGKILL mid-training, rerun, and must end with the weights of an
 * uninterrupted local run, byte for byte.
 */
class HdfsKillAndResumeIT {
  @TempDir Path tmp;

  @Test
  @Timeout(400)
  void resumesFromAnHdfsCheckpointAfterTheDriverIsKilled() throws Exception {
    Path local = Datasets.shared("a9a");
    List<String> common = List.of("train", "--loss", "logistic", "--reg", "0.01",
        "--optimizer", "armijo", "--max-iter", "25", "--tol", "0", "--grad-tol", "0",
        "--partitions", "3");
    Path reference = tmp.resolve("reference");
    CliRun whole = CliRun.of(args(common, "--data", local.toString(), "--output", reference.toString()));
    assertEquals(0, whole.exitCode(), whole.toString());

    try (MiniHdfs hdfs = new MiniHdfs(tmp.resolve("dfs"), 2)) {
      // The fingerprint names the path, so the reference is compared by weights only.
      String data = hdfs.put(local, "/data/a9a");
      String ck = hdfs.uri() + "/runs/ck";
      String out = hdfs.uri() + "/models/a9a";
      String[] run = args(common, "--data", data, "--checkpoint-dir", ck, "--output", out,
          "--master", "local[2]");
      try (DescentProcess first = DescentProcess.start(run)) {
        assertTrue(first.awaitLine(l -> l.matches("^iter\\s+1[0-9]\\s.*"), 180), first.output());
        first.kill();
      }
      assertFalse(hdfs.exists("/models/a9a"));
      try (DescentProcess second = DescentProcess.start(run)) {
        assertEquals(0, second.waitFor(240), second.output());
        assertTrue(second.output().contains("resuming from checkpoint"), second.output());
      }
      assertTrue(hdfs.exists("/models/a9a/_SUCCESS"));
      JsonNode model = new ObjectMapper().readTree(hdfs.read("/models/a9a/model.json"));
      String weights = model.get("weights").toString() + " | " + model.get("intercept").toString();
      assertEquals(ModelFiles.weightsText(reference), weights);
    }
  }

  private static String[] args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
