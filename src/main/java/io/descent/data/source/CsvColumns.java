package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.hashing.FeatureHashing;
import io.descent.data.hashing.HashedRow;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.Numbers;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowChecks;
import io.descent.data.row.RowProblem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The roles of a CSV file's columns (label, optional weight, features in file order) and the
 * parsing of one row's cells by those roles. Tasks and the driver's line scan both parse
 * through here, so they accept and reject the same cells.
 */
final class CsvColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] names;
  /** Columns [unnamedFrom, unnamedTo) are the header's unnamed ones at the end: no column. */
  private final int unnamedFrom;
  private final int unnamedTo;
  private final char separator;
  private final int labelColumn;
  private final int weightColumn;
  /** -1, or a column that is neither label, weight nor feature: its cells are not read. */
  private final int ignoredColumn;
  /** Feature index of each column, -1 for the label, weight, ignored and unnamed columns. */
  private final int[] featureIndex;
  private final int numFeatureColumns;
  private final LabelPolicy policy;
  /** Null unless features are hashed: then a cell that is not a number is a category. */
  private final FeatureHashing hashing;
  private transient HashedRow hashed;

  /**
   * The label is {@code labelCol}, else a column named "label", else the last column; every
   * other column but the weight is a feature. {@code fileName} is for error messages.
   */
  CsvColumns(String[] names, String labelCol, String weightCol, LabelPolicy policy, String fileName) {
    this(CsvHeader.unchecked(names, fileName), null, labelCol, weightCol, policy, null, null);
  }

  /**
   * The columns of {@code header}, then, when {@code placeholder} is non-null, one more that
   * is not in the file (scoring's constant label cell). The label is {@code labelCol}, else a
   * column named "label", else the last named column; every other named column but the
   * weight is a feature.
   *
   * <p>With {@code hashing}, a feature cell that is a number is the value of raw feature
   * "column", any other non-empty cell is raw feature "column=cell" with value 1, and an
   * empty cell adds nothing (as FeatureHasher skips nulls). Column {@code ignoredCol}, when
   * the file has it and it is not the label, is no feature and is not read: scoring's view of
   * the weight column of the training data.
   */
  CsvColumns(CsvHeader header, String placeholder, String labelCol, String weightCol,
      LabelPolicy policy, FeatureHashing hashing, String ignoredCol) {
    String[] cells = header.cells();
    this.names = placeholder == null ? cells : append(cells, placeholder);
    this.unnamedFrom = header.named();
    this.unnamedTo = cells.length;
    this.separator = header.separator();
    this.policy = policy;
    this.hashing = hashing;
    String fileName = header.fileName();
    if (labelCol != null) {
      labelColumn = require(labelCol, "label", fileName);
    } else {
      int named = indexOf("label");
      labelColumn = named >= 0 ? named : unnamedFrom - 1;
    }
    weightColumn = weightCol == null ? -1 : require(weightCol, "weight", fileName);
    if (weightColumn == labelColumn) {
      throw new BadInputException("the weight column \"" + weightCol + "\" of " + fileName
          + " is also its label column");
    }
    int ignored = ignoredCol == null ? -1 : indexOf(ignoredCol);
    ignoredColumn = ignored == labelColumn ? -1 : ignored;
    featureIndex = new int[names.length];
    int next = 0;
    for (int j = 0; j < names.length; j++) {
      featureIndex[j] = j == labelColumn || j == weightColumn || j == ignoredColumn
          || isUnnamed(j) ? -1 : next++;
    }
    numFeatureColumns = next;
  }

  private static String[] append(String[] cells, String name) {
    String[] more = Arrays.copyOf(cells, cells.length + 1);
    more[cells.length] = name;
    return more;
  }

  private boolean isUnnamed(int j) {
    return j >= unnamedFrom && j < unnamedTo;
  }

  private int require(String name, String role, String fileName) {
    int j = indexOf(name);
    if (j < 0) {
      throw new BadInputException(fileName + " has no " + role + " column \"" + name
          + "\"; its columns are " + String.join(", ", names));
    }
    return j;
  }

  private int indexOf(String name) {
    int j = Arrays.asList(names).indexOf(name);
    return isUnnamed(j) ? -1 : j;
  }

  /** A line's cells, split as Spark splits it. */
  String[] split(String line) {
    return CsvLineSplitter.split(line, separator);
  }

  char separator() {
    return separator;
  }

  /** The feature columns' names in feature order; null when features are hashed. */
  List<String> featureNames() {
    if (hashing != null) {
      return null;
    }
    List<String> features = new ArrayList<>();
    for (int j = 0; j < names.length; j++) {
      if (featureIndex[j] >= 0) {
        features.add(names[j]);
      }
    }
    return features;
  }

  /** The weight column's name, or null. */
  String weightName() {
    return weightColumn < 0 ? null : names[weightColumn];
  }

  int numColumns() {
    return names.length;
  }

  int numFeatureColumns() {
    return numFeatureColumns;
  }

  String labelName() {
    return names[labelColumn];
  }

  /** Parses the cells of one row (one per column) into {@code out}, left to right. */
  RowProblem parse(String[] cells, RowBuffer out) {
    out.clear();
    if (hashing != null && hashed == null) {
      hashed = new HashedRow(hashing);
    }
    if (hashed != null) {
      hashed.clear();
    }
    for (int j = 0; j < cells.length; j++) {
      if (j == ignoredColumn) {
        continue;
      }
      if (isUnnamed(j)) {
        if (cells[j] != null && !cells[j].isEmpty()) {
          return new RowProblem(null, "column " + (j + 1) + ", which the header leaves unnamed,"
              + " holds " + Numbers.quote(cells[j]));
        }
        continue;
      }
      String text = cells[j] == null ? "" : cells[j];
      if (j == labelColumn && text.isEmpty() && policy.allowsMissing()) {
        out.label = Double.NaN;
        continue;
      }
      Double parsed = RowChecks.parse(text);
      if (hashed != null && featureIndex[j] >= 0 && (parsed == null || text.isEmpty())) {
        if (!text.isEmpty()) {
          hashed.add(names[j] + "=" + text, 1.0);
        }
        continue;
      }
      if (parsed == null) {
        return new RowProblem(names[j], Numbers.quote(text) + " is not a number");
      }
      double v = parsed;
      String problem;
      if (j == labelColumn) {
        out.label = v + 0.0;
        problem = policy.rowProblem(out.label);
      } else if (j == weightColumn) {
        out.weight = v;
        problem = RowChecks.weightProblem(v);
      } else {
        problem = Double.isFinite(v) ? null : Numbers.quote(text) + " is not a finite number";
        if (problem == null && hashed != null) {
          hashed.add(names[j], v);
        } else if (problem == null) {
          out.add(featureIndex[j], v);
        }
      }
      if (problem != null) {
        return new RowProblem(names[j], problem);
      }
    }
    if (hashed != null) {
      hashed.flushInto(out);
    }
    return null;
  }
}
