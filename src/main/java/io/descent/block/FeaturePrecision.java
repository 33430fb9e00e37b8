package io.descent.block;

import io.descent.BadInputException;
import java.util.Locale;

/**
 * How a cached {@link Block} stores its feature values: as doubles, or as floats (half the
 * bytes, each value rounded to 24 significant bits, ~6e-8 relative). Labels, weights and all
 * arithmetic stay double either way: the kernels widen each float as they read it.
 */
public enum FeaturePrecision {
  DOUBLE(8),
  FLOAT(4);

  private final int bytes;

  FeaturePrecision(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per stored feature value. */
  public int bytesPerValue() {
    return bytes;
  }

  /** "double" or "float", as the --feature-precision flag spells them. */
  public static FeaturePrecision named(String name) {
    for (FeaturePrecision p : values()) {
      if (p.name().toLowerCase(Locale.ROOT).equals(name)) {
        return p;
      }
    }
    throw new BadInputException("feature-precision must be double or float, not \"" + name + "\"");
  }
}
