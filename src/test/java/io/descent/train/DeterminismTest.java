package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same data, settings and seed give the same weights, byte for byte. */
class DeterminismTest {
  @TempDir Path tmp;

  @Test
  void twoRunsWriteByteIdenticalWeights() {
    for (String loss : new String[] {"logistic", "softmax"}) {
      String data = Datasets.shared(loss.equals("logistic") ? "a9a" : "wine.csv").toString();
      String a = run(data, loss, "a-" + loss);
      String b = run(data, loss, "b-" + loss);
      assertEquals(a, b, loss);
    }
  }

  private String run(String data, String loss, String name) {
    Path out = tmp.resolve(name);
    CliRun r = CliRun.of("train", "--data", data, "--loss", loss, "--reg", "0.01",
        "--max-iter", "15", "--partitions", "5", "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    return ModelFiles.weightsText(out);
  }
}
