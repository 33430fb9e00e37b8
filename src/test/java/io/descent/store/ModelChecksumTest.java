package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.data.labels.LabelMapping;
import io.descent.loss.ParamLayout;
import io.descent.model.LinearModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.json carries its own checksum, verified on every load. */
class ModelChecksumTest {
  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();
  private final ModelStore store = new ModelStore(new Configuration(), warnings::add);

  private Path written() {
    Path dir = tmp.resolve("model");
    LinearModel model = new LinearModel(io.descent.loss.LossKind.SQUARED, new ParamLayout(2, 1, true),
        new double[] {0.25, -1.5, 3.0}, LabelMapping.real(), Map.of(), null);
    store.write(dir.toString(), model, "{}".getBytes(), Map.of(), false);
    return dir;
  }

  @Test
  void anAlteredWeightIsRefused() throws Exception {
    Path dir = written();
    Path file = dir.resolve(ModelStore.MODEL_JSON);
    String json = Files.readString(file);
    assertTrue(json.contains("-1.5"), json);
    Files.writeString(file, json.replace("-1.5", "-1.6"));
    Files.deleteIfExists(dir.resolve(".model.json.crc")); // Hadoop's side file would catch it otherwise
    BadInputException e = assertThrows(BadInputException.class, () -> store.read(dir.toString(), "--model"));
    assertTrue(e.getMessage().contains("--model: cannot read " + dir + "/model.json: model.json "
        + "does not match its checksum in checksums.json"), e.getMessage());
  }

  @Test
  void anIntactModelLoadsAndAnOldOneWithAWarning() throws Exception {
    Path dir = written();
    assertEquals(-1.5, store.read(dir.toString(), "--model").params()[1]);
    assertTrue(warnings.isEmpty(), warnings.toString());
    Files.delete(dir.resolve(FileChecksums.FILE));
    Files.deleteIfExists(dir.resolve(".checksums.json.crc"));
    store.read(dir.toString(), "--model");
    assertTrue(warnings.get(0).contains("has no checksums.json"), warnings.toString());
  }

  @Test
  void aMissingModelDirectoryIsCalledMissing() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> store.read(tmp.resolve("nowhere").toString(), "--model"));
    assertTrue(e.getMessage().contains("is missing"), e.getMessage());
  }
}
