package io.descent.predict.input;

import java.io.Serializable;

/** Turns one decoded row into a result, inside a Spark task. */
@FunctionalInterface
public interface RowMapper<T> extends Serializable {
  T map(FeatureRow row);
}
