package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.source.InputFiles.InputFile;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The recursive listing of an input directory, refusing what would silently read rows twice
 * or fail later on an executor.
 *
 * <p>Hadoop's recursive {@code listFiles} follows symbolic links on the local file system
 * without noticing a loop (a link to a parent was read until the path grew too long, the same
 * file 41 times). This walk resolves every local directory and file to its real path: a
 * directory that is its own ancestor is a loop, a file reached twice would count its rows
 * twice — both are refused with the paths named. File systems without links (HDFS, object
 * stores) are walked the same way without the resolution.
 */
final class InputWalk {
  private final FileSystem fs;
  private final Path root;
  private final String rootName;
  private final String rootPath;
  private final boolean local;
  private final Deque<String> ancestors = new ArrayDeque<>();
  private final Map<String, String> shownByRealFile = new HashMap<>();
  private final List<InputFile> found = new ArrayList<>();

  InputWalk(FileSystem fs, Path root, String rootName) {
    this.fs = fs;
    this.root = root;
    this.rootName = rootName;
    this.rootPath = root.toUri().getPath();
    this.local = "file".equals(root.toUri().getScheme());
  }

  List<InputFile> files() throws IOException {
    walk(root);
    return found;
  }

  private void walk(Path dir) throws IOException {
    String realDir = realPath(dir);
    if (realDir != null) {
      if (ancestors.contains(realDir)) {
        throw new BadInputException("the input directory " + shown(dir)
            + " is a symbolic link back to " + realDir + ", which contains it (a loop):"
            + " remove the link or point --data below it");
      }
      ancestors.push(realDir);
    }
    FileStatus[] children = fs.listStatus(dir);
    Arrays.sort(children, Comparator.comparing(c -> c.getPath().getName()));
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (InputFiles.isHidden(name)) {
        continue;
      }
      Path path = fs.makeQualified(child.getPath());
      if (child.isDirectory()) {
        walk(path);
      } else {
        add(path, child);
      }
    }
    if (realDir != null) {
      ancestors.pop();
    }
  }

  private void add(Path path, FileStatus status) throws IOException {
    String shown = shown(path);
    if (path.getName().contains(":") && fs instanceof ChecksumFileSystem) {
      // Hadoop's local file system builds the checksum side file's name as a relative Path,
      // which a colon turns into a URI scheme: the read would fail on an executor.
      throw new BadInputException("the input file " + shown + " has a ':' in its name, which"
          + " Hadoop's local file system cannot open: rename the file (for example ':' to '-')");
    }
    String realFile = realPath(path);
    if (realFile != null) {
      String before = shownByRealFile.putIfAbsent(realFile, shown);
      if (before != null) {
        throw new BadInputException("the input reaches the file " + realFile + " twice, as "
            + before + " and as " + shown + " (through a symbolic link): its rows would count"
            + " twice; remove the link");
      }
    }
    found.add(new InputFile(path, shown, status.getLen(), status.getModificationTime()));
  }

  private String shown(Path path) {
    String relative = path.toUri().getPath().substring(rootPath.length()).replaceFirst("^/", "");
    return relative.isEmpty() ? rootName : rootName + "/" + relative;
  }

  /** The link-free path of a local file or directory; null on file systems without links. */
  private String realPath(Path path) throws IOException {
    if (!local) {
      return null;
    }
    return Paths.get(path.toUri()).toRealPath().toString();
  }
}
