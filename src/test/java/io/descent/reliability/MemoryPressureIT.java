package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.DescentProcess;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training whose blocks do not all fit in storage memory still ends with the model of a fully
 * cached run: under MEMORY_ONLY the blocks that do not fit are recomputed from the shuffle
 * every pass (deterministically), under MEMORY_AND_DISK they go to disk. Spark's own storage
 * records (block updates in the event log) show that not everything was held in memory.
 */
class MemoryPressureIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final String[] common = {"train", "--data", Datasets.shared("a9a").toString(),
      "--loss", "logistic", "--reg", "0.01", "--optimizer", "gd", "--step", "1",
      "--max-iter", "4", "--partitions", "8", "--block-bytes", "262144"};

  @Test
  @Timeout(900)
  void blocksThatDoNotFitAreRecomputedOrSpilledAndTheModelIsTheSame() throws Exception {
    Path reference = tmp.resolve("reference");
    CliRun r = CliRun.of(FaultToleranceIT.concat(common, "--output", reference.toString()));
    assertEquals(0, r.exitCode(), r.toString());

    for (String level : List.of("MEMORY_ONLY", "MEMORY_AND_DISK")) {
      Path events = Files.createDirectories(tmp.resolve("events-" + level));
      // About 3 MB of unified memory in a 1 GB heap: a fraction of a9a's blocks.
      Path conf = Files.writeString(tmp.resolve(level + ".properties"), String.join("\n",
          "spark.memory.fraction=0.004", "spark.eventLog.enabled=true",
          "spark.eventLog.logBlockUpdates.enabled=true", "spark.eventLog.dir=" + events.toUri()));
      Path out = tmp.resolve(level);
      try (DescentProcess p = DescentProcess.start(FaultToleranceIT.concat(common,
          "--output", out.toString(), "--master", "local[2]", "--storage-level", level,
          "--conf", conf.toString()))) {
        assertEquals(0, p.waitFor(400), p.output());
      }
      assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(out), level);
      Storage s = Storage.of(events);
      assertTrue(s.inMemory < s.partitions, level + ": only part of the blocks fit in memory: " + s);
      if (level.equals("MEMORY_AND_DISK")) {
        assertTrue(s.onDisk > 0, "the rest went to disk: " + s);
        assertEquals(s.partitions, s.stored, "every block is cached somewhere: " + s);
      } else {
        assertEquals(0, s.onDisk, s.toString());
      }
    }
  }

  /** The descent blocks RDD as Spark's event log records it: partitions and where blocks went. */
  private record Storage(int partitions, int inMemory, int onDisk, int stored) {
    static Storage of(Path eventDir) throws IOException {
      Path log;
      try (Stream<Path> files = Files.list(eventDir)) {
        log = files.filter(f -> !f.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
      }
      int rddId = -1;
      int partitions = 0;
      Map<String, JsonNode> lastUpdate = new HashMap<>();
      for (String line : Files.readAllLines(log)) {
        JsonNode e = JSON.readTree(line);
        String type = e.path("Event").asText();
        if (type.equals("SparkListenerStageSubmitted")) {
          for (JsonNode rdd : e.path("Stage Info").path("RDD Info")) {
            if (rdd.path("Name").asText().startsWith("descent blocks of")) {
              rddId = rdd.path("RDD ID").asInt();
              partitions = rdd.path("Number of Partitions").asInt();
            }
          }
        } else if (type.equals("SparkListenerBlockUpdated")) {
          JsonNode info = e.path("Block Updated Info");
          lastUpdate.put(info.path("Block ID").asText(), info);
        }
      }
      int memory = 0;
      int disk = 0;
      int stored = 0;
      for (Map.Entry<String, JsonNode> u : lastUpdate.entrySet()) {
        if (u.getKey().startsWith("rdd_" + rddId + "_")) {
          memory += u.getValue().path("Memory Size").asLong() > 0 ? 1 : 0;
          disk += u.getValue().path("Disk Size").asLong() > 0 ? 1 : 0;
          stored += u.getValue().path("Memory Size").asLong() + u.getValue().path("Disk Size").asLong() > 0 ? 1 : 0;
        }
      }
      return new Storage(partitions, memory, disk, stored);
    }
  }
}
