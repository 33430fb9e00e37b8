package io.descent.data.source;

import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.Numbers;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowChecks;
import io.descent.data.row.RowProblem;

/**
 * Parses one LIBSVM line ("label index:value …", 1-based strictly increasing indices) with the
 * rules of Spark's reader plus the value rules, naming the offending token. Spark's reader
 * splits on single spaces after trimming the line, so this does too.
 */
final class LibsvmLineParser {
  private final LabelPolicy policy;
  private final Integer numFeatures;

  LibsvmLineParser(LabelPolicy policy, Integer numFeatures) {
    this.policy = policy;
    this.numFeatures = numFeatures;
  }

  /** Blank lines and comments (after trimming) are not rows; Spark skips them too. */
  static boolean isRow(String line) {
    String t = line.trim();
    return !t.isEmpty() && !t.startsWith("#");
  }

  /** Parses a row line into {@code out}; returns what is wrong with it, or null. */
  RowProblem parse(String line, RowBuffer out) {
    out.clear();
    String[] items = line.trim().split(" ");
    Double label = RowChecks.parse(items[0]);
    if (label == null) {
      return problem("label " + Numbers.quote(items[0]) + " is not a number");
    }
    out.label = label + 0.0;
    String labelProblem = policy.rowProblem(out.label);
    if (labelProblem != null) {
      return problem(labelProblem);
    }
    int previous = 0;
    for (int k = 1; k < items.length; k++) {
      String token = items[k];
      if (token.isEmpty()) {
        continue;
      }
      String quoted = Numbers.quote(token);
      int colon = token.indexOf(':');
      if (colon < 0 || colon != token.lastIndexOf(':')) {
        return problem("token " + quoted + " is not of the form index:value");
      }
      String indexText = token.substring(0, colon);
      int index;
      try {
        index = Integer.parseInt(indexText);
      } catch (NumberFormatException e) {
        return problem("feature index " + Numbers.quote(indexText)
            + " is not a positive integer in token " + quoted);
      }
      if (index < 1) {
        return problem("feature index " + index + " is not a positive integer in token " + quoted);
      }
      if (index == previous) {
        return problem("feature index " + index + " appears twice, again in token " + quoted);
      }
      if (index < previous) {
        return problem("feature index " + index + " does not increase on the index " + previous
            + " before it in token " + quoted);
      }
      if (numFeatures != null && index > numFeatures) {
        return problem("feature index " + index + " is above numFeatures " + numFeatures
            + " in token " + quoted);
      }
      String valueText = token.substring(colon + 1);
      Double value = RowChecks.parse(valueText);
      if (value == null) {
        return problem("value " + Numbers.quote(valueText) + " is not a number in token " + quoted);
      }
      if (!Double.isFinite(value)) {
        return problem("value " + Numbers.quote(valueText) + " is not a finite number in token " + quoted);
      }
      out.add(index - 1, value);
      previous = index;
    }
    return null;
  }

  private static RowProblem problem(String message) {
    return new RowProblem(null, message);
  }
}
