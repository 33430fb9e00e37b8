package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.data.labels.LabelMapping;
import io.descent.loss.ParamLayout;
import io.descent.model.LinearModel;
import io.descent.testing.MiniHdfs;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output guarantees on a real HDFS, where FileSystem.rename onto an existing directory
 * would move the new model inside it: the lock is exclusive, a publish without overwrite
 * never lands in or replaces a directory that appeared meanwhile, and a model's checksum is
 * verified there too (HDFS keeps no .crc side files a reader could lean on).
 */
class HdfsOutputSafetyIT {
  @TempDir Path tmp;

  @Test
  @Timeout(180)
  void locksPublishesAndChecksumsHoldOnHdfs() throws Exception {
    try (MiniHdfs hdfs = new MiniHdfs(tmp.resolve("dfs"), 1)) {
      Configuration conf = new Configuration(hdfs.fs().getConf());
      FileSystem fs = hdfs.fs();
      String out = hdfs.uri() + "/models/v1";

      try (DirectoryLock first = DirectoryLock.acquire(conf, out, "--output", "descent train", w -> {})) {
        assertTrue(hdfs.exists("/models/.v1.lock"));
        DescentException busy = assertThrows(DescentException.class,
            () -> DirectoryLock.acquire(conf, out, "--output", "descent train", w -> {}));
        assertTrue(busy.getMessage().contains("is in use by another run"), busy.getMessage());
      }
      assertFalse(hdfs.exists("/models/.v1.lock"));

      AtomicDirectoryWriter writer = new AtomicDirectoryWriter(conf, OutputKind.MODEL);
      Map<String, AtomicDirectoryWriter.Content> files = new LinkedHashMap<>();
      files.put("model.json", o -> {
        fs.mkdirs(new org.apache.hadoop.fs.Path("/models/v1"));
        try (OutputStream theirs = fs.create(new org.apache.hadoop.fs.Path("/models/v1/theirs"))) {
          theirs.write(1);
        }
        o.write('{');
      });
      BadInputException appeared = assertThrows(BadInputException.class,
          () -> writer.writeStreams(out, files, false));
      assertTrue(appeared.getMessage().contains("appeared while this run was writing it"),
          appeared.getMessage());
      assertEquals(1, fs.listStatus(new org.apache.hadoop.fs.Path("/models/v1")).length,
          "nothing was moved into the directory that appeared");
      assertEquals(List.of("v1"), List.of(fs.listStatus(new org.apache.hadoop.fs.Path("/models")))
          .stream().map(s -> s.getPath().getName()).toList(), "no temporary left");

      BadInputException foreign = assertThrows(BadInputException.class,
          () -> writer.preflight(out, true, "--output"));
      assertTrue(foreign.getMessage().contains("is not a Descent model directory"));
      fs.delete(new org.apache.hadoop.fs.Path("/models/v1"), true);

      ModelStore store = new ModelStore(conf, w -> {});
      LinearModel model = new LinearModel(io.descent.loss.LossKind.SQUARED, new ParamLayout(2, 1, true),
          new double[] {0.5, -2.0, 1.0}, LabelMapping.real(), Map.of(), null);
      store.write(out, model, "{}".getBytes(), Map.of(), false);
      store.write(out, model, "{}".getBytes(), Map.of(), true);
      assertEquals(-2.0, store.read(out, "--model").params()[1]);
      String json = hdfs.read("/models/v1/model.json");
      try (OutputStream o = fs.create(new org.apache.hadoop.fs.Path("/models/v1/model.json"), true)) {
        o.write(json.replace("-2.0", "-3.0").getBytes());
      }
      BadInputException altered = assertThrows(BadInputException.class, () -> store.read(out, "--model"));
      assertTrue(altered.getMessage().contains("does not match its checksum"), altered.getMessage());
    }
  }
}
