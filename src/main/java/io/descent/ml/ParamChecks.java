package io.descent.ml;

import io.descent.BadInputException;
import io.descent.config.Settings;
import io.descent.config.TrainConfig;
import java.io.Serializable;
import java.util.function.Consumer;
import scala.runtime.AbstractFunction1;

/**
 * The params' isValid functions. Spark calls them whenever a value is set (a setter, a
 * ParamMap, a CrossValidator grid); a bad value throws IllegalArgumentException with a
 * sentence that names the param, Spark's convention, instead of Spark's bare "given invalid
 * value".
 */
final class ParamChecks {
  private ParamChecks() {}

  /** A check that throws its own message; Serializable because params travel with stages. */
  private static final class Check<T> extends AbstractFunction1<T, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final SerializableConsumer<T> rule;

    Check(SerializableConsumer<T> rule) {
      this.rule = rule;
    }

    @Override
    public Object apply(T value) {
      rule.accept(value);
      return Boolean.TRUE;
    }
  }

  interface SerializableConsumer<T> extends Consumer<T>, Serializable {}

  /**
   * The command line's own rule for {@code key} (one place for every rule): the value is
   * validated as that setting of a logistic run, the loss every other setting may combine
   * with. Rules between params (an optimizer the loss cannot use) are checked by fit.
   */
  static <T> AbstractFunction1<T, Object> setting(String param, String key) {
    return new Check<T>(value -> {
      Settings s = new Settings();
      s.put("data", "the DataFrame", "check");
      s.put("output", "none", "check");
      if (!key.equals("loss")) {
        s.put("loss", "logistic", "check");
      }
      s.put(key, String.valueOf(value), "param " + param);
      try {
        TrainConfig.from(s);
      } catch (BadInputException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    });
  }

  static AbstractFunction1<Object, Object> finite(String param) {
    return new Check<Object>(value -> {
      if (!Double.isFinite((Double) value)) {
        throw new IllegalArgumentException("param " + param + ": " + value + " is not a finite number.");
      }
    });
  }

  static AbstractFunction1<Object, Object> atLeastOne(String param) {
    return new Check<Object>(value -> {
      if ((Integer) value < 1) {
        throw new IllegalArgumentException("param " + param + ": " + value + " is not an integer ≥ 1.");
      }
    });
  }

  static AbstractFunction1<double[], Object> thresholds() {
    return new Check<double[]>(t -> {
      int zeros = 0;
      for (double v : t) {
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException("param thresholds: " + v + " is not a finite number ≥ 0.");
        }
        zeros += v == 0 ? 1 : 0;
      }
      if (zeros > 1 || t.length < 2) {
        throw new IllegalArgumentException("param thresholds: " + java.util.Arrays.toString(t)
            + " must have one value per class (at least two) and at most one 0.");
      }
    });
  }
}
