package io.descent.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the shared real datasets and the repository's samples are. */
public final class Datasets {
  private Datasets() {}

  /** A file of ../shared/datasets (see its README for sources and licenses). */
  public static Path shared(String name) {
    String dir = System.getProperty("descent.shared.datasets", "../shared/datasets");
    Path p = Paths.get(dir, name).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException("shared dataset missing: " + p);
    }
    return p;
  }

  /** A file of data-samples/ in this repository. */
  public static Path sample(String name) {
    Path p = Paths.get("data-samples", name).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException("sample dataset missing: " + p);
    }
    return p;
  }
}
