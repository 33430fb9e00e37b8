package io.descent.data.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What identifies the input for resume checks: each file's path, length and modification
 * time, in the order the files are read, plus the row count.
 */
public record InputFingerprint(List<FileEntry> files, long numRows) {

  /** One input file as the file system listed it. */
  public record FileEntry(String path, long length, long modificationTime) {}

  public InputFingerprint {
    files = List.copyOf(files);
  }

  /** {"files": [{"path", "length", "modificationTime"}, …], "numRows": n}. */
  public Map<String, Object> toJson() {
    List<Object> list = new ArrayList<>();
    for (FileEntry f : files) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", f.path());
      e.put("length", f.length());
      e.put("modificationTime", f.modificationTime());
      list.add(e);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", list);
    m.put("numRows", numRows);
    return m;
  }

  /** The inverse of {@link #toJson()}; IllegalArgumentException when a field is missing. */
  public static InputFingerprint fromJson(Map<String, Object> json) {
    if (json == null || !(json.get("files") instanceof List<?> list)) {
      throw new IllegalArgumentException("the input fingerprint has no \"files\" list");
    }
    List<FileEntry> files = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> e) || !(e.get("path") instanceof String path)) {
        throw new IllegalArgumentException("an input fingerprint file entry has no \"path\"");
      }
      files.add(new FileEntry(path, number(e, "length"), number(e, "modificationTime")));
    }
    return new InputFingerprint(files, number(json, "numRows"));
  }

  private static long number(Map<?, ?> m, String key) {
    if (m.get(key) instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException("the input fingerprint has no number \"" + key + "\"");
  }

  /**
   * Null when the two fingerprints are equal, else one sentence naming the first thing that
   * differs. {@code recorded} is the earlier fingerprint, e.g. the one in a checkpoint.
   */
  public String describeDifference(InputFingerprint recorded) {
    Map<String, FileEntry> before = byPath(recorded.files);
    Map<String, FileEntry> now = byPath(files);
    for (FileEntry f : files) {
      FileEntry old = before.get(f.path());
      if (old == null) {
        return "the input file " + f.path() + " was not part of the recorded input";
      }
      if (old.length() != f.length()) {
        return "the input file " + f.path() + " has length " + f.length()
            + ", not " + old.length() + " as recorded";
      }
      if (old.modificationTime() != f.modificationTime()) {
        return "the input file " + f.path() + " was modified at "
            + Instant.ofEpochMilli(f.modificationTime()) + ", not at "
            + Instant.ofEpochMilli(old.modificationTime()) + " as recorded";
      }
    }
    for (FileEntry old : recorded.files) {
      if (!now.containsKey(old.path())) {
        return "the recorded input file " + old.path() + " is no longer part of the input";
      }
    }
    if (!pathsInOrder(files).equals(pathsInOrder(recorded.files))) {
      return "the input files are read in a different order than recorded";
    }
    if (numRows != recorded.numRows) {
      return "the input has " + numRows + " rows, not " + recorded.numRows + " as recorded";
    }
    return null;
  }

  private static Map<String, FileEntry> byPath(List<FileEntry> files) {
    Map<String, FileEntry> m = new LinkedHashMap<>();
    for (FileEntry f : files) {
      m.put(f.path(), f);
    }
    return m;
  }

  private static List<String> pathsInOrder(List<FileEntry> files) {
    List<String> paths = new ArrayList<>();
    for (FileEntry f : files) {
      paths.add(f.path());
    }
    return paths;
  }
}
