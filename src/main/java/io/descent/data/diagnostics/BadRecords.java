package io.descent.data.diagnostics;

import io.descent.BadInputException;
import java.util.Locale;

/**
 * What a load does with a row that fails validation: stop with a located error (FAIL), or
 * drop it, count it and report the first few (SKIP). Dropped rows take no row number, so
 * the rows kept are numbered the same on every run.
 */
public enum BadRecords {
  FAIL,
  SKIP;

  /** "fail" or "skip", as the --bad-records flag spells them. */
  public static BadRecords named(String name) {
    for (BadRecords b : values()) {
      if (b.name().toLowerCase(Locale.ROOT).equals(name)) {
        return b;
      }
    }
    throw new BadInputException("bad-records must be fail or skip, not \"" + name + "\"");
  }
}
