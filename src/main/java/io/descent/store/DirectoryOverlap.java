package io.descent.store;

import io.descent.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Refuses, before anything is read or written, a directory a run writes (model, predictions,
 * checkpoints) that is, contains or lies inside another path the run uses: replacing it
 * would delete that path, and a model inside the input becomes training data next time.
 * Paths are compared fully qualified, {@code ..} removed, and on local file systems with
 * symbolic links resolved, so {@code d/../d} or a link to the input is caught too.
 */
public final class DirectoryOverlap {
  /** A path of the run and the flag that named it (for the message). */
  public record Use(String flag, String path) {}

  private final Configuration conf;

  public DirectoryOverlap(Configuration conf) {
    this.conf = conf;
  }

  /** Throws (exit 2) when {@code written} and {@code other} overlap; null paths are skipped. */
  public void refuse(Use written, Use other) {
    if (written.path() == null || other.path() == null) {
      return;
    }
    URI w = canonical(written);
    URI o = canonical(other);
    if (!Objects.equals(w.getScheme(), o.getScheme())
        || !Objects.equals(lower(w.getAuthority()), lower(o.getAuthority()))) {
      return;
    }
    String wp = w.getPath();
    String op = o.getPath();
    String what = written.flag() + " " + written.path();
    String that = other.flag() + " " + other.path();
    if (wp.equals(op)) {
      throw new BadInputException(what + " is the same directory as " + that
          + "; choose another " + written.flag() + ".");
    }
    if (isInside(op, wp)) {
      throw new BadInputException(what + " contains " + that
          + ": writing it would delete or hide what " + other.flag() + " names; choose another "
          + written.flag() + ".");
    }
    if (isInside(wp, op)) {
      throw new BadInputException(what + " lies inside " + that
          + "; a later run would take what it writes for part of " + other.flag()
          + ". Choose a directory outside it.");
    }
  }

  private static boolean isInside(String child, String parent) {
    String prefix = parent.endsWith("/") ? parent : parent + "/";
    return child.startsWith(prefix);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  /** Fully qualified, normalized, and on local file systems with links resolved. */
  private URI canonical(Use use) {
    try {
      Path p = new Path(use.path());
      // A path with scheme and authority is already qualified (and its host need not resolve).
      URI uri = (p.toUri().getScheme() != null && p.toUri().getAuthority() != null
          ? p.toUri() : p.getFileSystem(conf).makeQualified(p).toUri()).normalize();
      if ("file".equals(uri.getScheme())) {
        return new URI("file", null, realLocalPath(uri.getPath()), null);
      }
      String path = uri.getPath().length() > 1 && uri.getPath().endsWith("/")
          ? uri.getPath().substring(0, uri.getPath().length() - 1) : uri.getPath();
      return new URI(uri.getScheme(), uri.getAuthority(), path, null, null);
    } catch (IOException | java.net.URISyntaxException | IllegalArgumentException e) {
      throw new BadInputException(use.flag() + ": " + use.path() + " is not a usable path: "
          + e.getMessage(), e);
    }
  }

  /** Resolves links in the longest part of the path that exists; the rest is appended as is. */
  private static String realLocalPath(String path) throws IOException {
    java.nio.file.Path p = Paths.get(path).toAbsolutePath().normalize();
    java.nio.file.Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return p.toString();
    }
    return existing.toRealPath().resolve(existing.relativize(p)).normalize().toString();
  }
}
