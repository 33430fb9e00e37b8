package io.descent.store;

import io.descent.DescentException;
import io.descent.ExitCodes;
import java.io.IOException;
import java.util.Locale;

/**
 * A failed write, told as what a person or a scheduler can act on: the path and the
 * operation, the cause in plain words, and whether another try can help — which is also the
 * exit code (2: the storage must be fixed first, as for a bad setting; 4: retry later).
 */
final class StorageFault {
  /** The cause of an I/O failure, and whether a retry alone may cure it. */
  private enum Cause {
    FULL("the storage is full or over its quota", true,
        "Another try can help once space is freed."),
    DENIED("permission denied", false,
        "Another try will not help until the directory is writable."),
    READ_ONLY("the file system is read-only", false,
        "Another try will not help until it is writable again."),
    NO_DIRECTORY("a directory could not be created (a part of the path is a file, or is not writable)",
        false, "Another try will not help until the path is fixed."),
    OTHER(null, true, "Another try may help if the fault was passing.");

    final String words;
    final boolean retryable;
    final String advice;

    Cause(String words, boolean retryable, String advice) {
      this.words = words;
      this.retryable = retryable;
      this.advice = advice;
    }

    static Cause of(IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String name = t.getClass().getSimpleName();
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("no space left") || name.contains("QuotaExceeded")
            || name.equals("DiskOutOfSpaceException") || m.contains("could only be written to 0")) {
          return FULL;
        }
        if (m.contains("read-only file system")) {
          return READ_ONLY;
        }
        if (m.contains("permission denied") || name.equals("AccessControlException")
            || name.equals("AccessDeniedException")) {
          return DENIED;
        }
        if (m.startsWith("mkdirs failed") || m.contains("parent path is not a directory")
            || name.equals("ParentNotDirectoryException")) {
          return NO_DIRECTORY;
        }
      }
      return OTHER;
    }
  }

  private StorageFault() {}

  /** Hadoop's local file system reports a failed write (a full disk) as this Error: its cause. */
  static IOException asIOException(org.apache.hadoop.fs.FSError e) {
    return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }

  /** An I/O failure that knows the operation and path it happened on. */
  static final class At extends IOException {
    final String operation;

    At(String operation, IOException cause) {
      super(operation + ": " + cause.getMessage(), cause);
      this.operation = operation;
    }
  }

  /**
   * As {@link #of(String, String, IOException)}, the operation taken from an {@link At}.
   * A failure that does not say why (Hadoop's rename only returns false) is explained by
   * {@code probe}, which tries a small write where the failed one went and throws its cause.
   */
  static DescentException of(String dir, IOException e, Probe probe) {
    String operation = e instanceof At at ? at.operation : "publishing it";
    IOException cause = e instanceof At ? (IOException) e.getCause() : e;
    if (Cause.of(cause) == Cause.OTHER) {
      try {
        probe.run();
      } catch (IOException | RuntimeException found) {
        IOException io = found instanceof IOException f ? f : new IOException(found.getMessage(), found);
        if (Cause.of(io) != Cause.OTHER) {
          cause = io;
        }
      }
    }
    return of(dir, operation, cause);
  }

  /** A small write that throws the storage's own error, if it has one. */
  @FunctionalInterface
  interface Probe {
    void run() throws IOException;
  }

  /**
   * @param dir the directory being published
   * @param operation what was being done, with its path, e.g. "writing …/vectors.bin"
   */
  static DescentException of(String dir, String operation, IOException e) {
    Cause cause = Cause.of(e);
    String words = cause.words != null ? cause.words
        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
            + e.getMessage().replaceAll("\\.+$", ""));
    return new DescentException(cause.retryable ? ExitCodes.FAILURE : ExitCodes.BAD_INPUT,
        "Cannot write " + dir + " (" + operation + "): " + words + ". " + cause.advice
            + " Nothing was published and nothing that existed was changed.", e);
  }
}
