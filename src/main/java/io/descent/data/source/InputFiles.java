package io.descent.data.source;

import io.descent.BadInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The data files behind an input path, listed once through the Hadoop FileSystem API and
 * sorted by path: the order that row positions, fingerprints and error scans all follow.
 */
public final class InputFiles {
  /** One data file; {@code display} is how messages name it. */
  public record InputFile(Path path, String display, long length, long modificationTime) {}

  private final String display;
  private final List<InputFile> files;
  /** By Path.toString(), the form both our listing and Spark's (URI-encoded) names reduce to. */
  private final Map<String, Integer> indexByPath = new HashMap<>();

  private InputFiles(String display, List<InputFile> files) {
    this.display = display;
    this.files = List.copyOf(files);
    for (int i = 0; i < files.size(); i++) {
      indexByPath.put(files.get(i).path().toString(), i);
    }
  }

  /** Lists the file, or the data files under the directory (Spark's hidden-file rules). */
  public static InputFiles resolve(String pathText, Configuration conf) {
    Path root;
    try {
      root = new Path(pathText);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("the input path " + pathText + " is not valid: " + e.getMessage(), e);
    }
    try {
      FileSystem fs = root.getFileSystem(conf);
      FileStatus status;
      try {
        status = fs.getFileStatus(root);
      } catch (FileNotFoundException e) {
        throw new BadInputException("the input " + pathText + " does not exist");
      }
      Path qualified = fs.makeQualified(status.getPath());
      if (!status.isDirectory()) {
        String name = qualified.getName();
        return new InputFiles(name, List.of(new InputFile(qualified, name,
            status.getLen(), status.getModificationTime())));
      }
      String rootName = qualified.getName().isEmpty() ? qualified.toString() : qualified.getName();
      List<InputFile> found = new InputWalk(fs, qualified, rootName).files();
      found.sort(Comparator.comparing(f -> f.path().toString()));
      return new InputFiles(rootName, found);
    } catch (IOException e) {
      throw new BadInputException("the input " + pathText + " cannot be listed: " + e.getMessage(), e);
    }
  }

  /** Spark skips names starting with "_" (unless partition-like "k=v") or "." in any folder. */
  static boolean isHidden(String name) {
    return (name.startsWith("_") && !name.contains("=")) || name.startsWith(".")
        || name.endsWith("._COPYING_");
  }

  /** How messages name the input as a whole. */
  public String display() {
    return display;
  }

  public List<InputFile> files() {
    return files;
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** The format from the name of the file, or of the directory's first data file. */
  public InputFormat inferFormat() {
    if (files.isEmpty()) {
      return InputFormat.LIBSVM;
    }
    return InputFormat.ofFileName(files.get(0).path().getName());
  }

  /** The paths as Spark's readers take them. */
  String[] sparkPaths() {
    return files.stream().map(f -> f.path().toString()).toArray(String[]::new);
  }

  /** The position in the sorted list of the file Spark names in {@code _metadata.file_path}. */
  public int indexOfSparkPath(String sparkFilePath) {
    Integer i;
    try {
      i = indexByPath.get(new Path(new URI(sparkFilePath)).toString());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Spark read an unparsable path " + sparkFilePath, e);
    }
    if (i == null) {
      throw new IllegalStateException("Spark read " + sparkFilePath + ", which is not in the input listing");
    }
    return i;
  }

  public InputFile file(int index) {
    return files.get(index);
  }

  public List<InputFingerprint.FileEntry> fingerprintEntries() {
    List<InputFingerprint.FileEntry> entries = new ArrayList<>();
    for (InputFile f : files) {
      entries.add(new InputFingerprint.FileEntry(f.path().toString(), f.length(), f.modificationTime()));
    }
    return entries;
  }
}
