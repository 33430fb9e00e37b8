package io.descent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/** Reads a predict output directory back in input order: part files by name, each in order. */
public final class PredictionFiles {
  private PredictionFiles() {}

  public static List<Row> rows(Path dir) {
    List<Row> rows = new ArrayList<>();
    for (Path part : parts(dir)) {
      rows.addAll(SharedSpark.session().read().parquet(part.toString()).collectAsList());
    }
    return rows;
  }

  public static List<Path> parts(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
