package io.descent.data.labels;

import io.descent.data.row.RowPosition;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distinct labels of one partition, each with where it first occurs and how often, up to
 * a cap. Enough to resolve the label mapping and to point at the row that breaks a rule.
 * A partition's first {@code cap} distinct values include every value among the first
 * {@code cap} of the whole input, so capping loses nothing the rules need.
 */
public final class LabelCensus implements Serializable {
  private static final long serialVersionUID = 1L;

  /** First occurrence and count of one label value. */
  public static final class Seen implements Serializable {
    private static final long serialVersionUID = 1L;
    public final RowPosition first;
    public long count;

    Seen(RowPosition first, long count) {
      this.first = first;
      this.count = count;
    }
  }

  private final int cap;
  private final LinkedHashMap<Double, Seen> seen = new LinkedHashMap<>();
  private boolean overflow;
  private transient double lastLabel = Double.NaN;
  private transient Seen last;

  public LabelCensus(int cap) {
    this.cap = cap;
  }

  public void add(double label, String file, long splitStart, long offset) {
    if (last != null && label == lastLabel) {
      last.count++;
      return;
    }
    Seen s = seen.get(label);
    if (s == null) {
      if (seen.size() >= cap) {
        overflow = true;
        return;
      }
      s = new Seen(new RowPosition(file, splitStart, offset), 0);
      seen.put(label, s);
    }
    s.count++;
    lastLabel = label;
    last = s;
  }

  public Map<Double, Seen> values() {
    return seen;
  }

  /** Whether more distinct values occurred than the cap allowed to record. */
  public boolean overflow() {
    return overflow;
  }
}
