package io.descent.data.diagnostics;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The global index of the first row of each split (file as Spark names it, split start). */
public final class SegmentOffsets implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, HashMap<Long, Long>> starts = new HashMap<>();

  SegmentOffsets(Map<String, Map<Long, Long>> starts) {
    starts.forEach((file, m) -> this.starts.put(file, new HashMap<>(m)));
  }

  /** The global index of the split's first row; InputChangedException for an unknown split. */
  public long start(String file, long splitStart) {
    Long s = starts.getOrDefault(file, new HashMap<>()).get(splitStart);
    if (s == null) {
      throw new InputChangedException("a split the scan did not see, at " + splitStart + " of " + file);
    }
    return s;
  }
}
