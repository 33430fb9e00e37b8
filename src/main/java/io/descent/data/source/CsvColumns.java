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
import java.util.Arrays;

/**
 * The roles of a CSV file's columns (label, optional weight, features in file order) and the
 * parsing of one row's cells by those roles. Tasks and the driver's line scan both parse
 * through here, so they accept and reject the same cells.
 */
final class CsvColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] names;
  private final int labelColumn;
  private final int weightColumn;
  /** -1, or a column that is neither label, weight nor feature: its cells are not read. */
  private final int ignoredColumn;
  /** Feature index of each column, -1 for the label, weight and ignored columns. */
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
    this(names, labelCol, weightCol, policy, fileName, null);
  }

  /**
   * With {@code hashing}, a feature cell that is a number is the value of raw feature "column",
   * any other non-empty cell is raw feature "column=cell" with value 1, and an empty cell
   * adds nothing (as FeatureHasher skips nulls).
   */
  CsvColumns(String[] names, String labelCol, String weightCol, LabelPolicy policy, String fileName,
      FeatureHashing hashing) {
    this(names, labelCol, weightCol, policy, fileName, hashing, null);
  }

  /**
   * As above, and column {@code ignoredCol}, when the file has it and it is not the label, is
   * no feature and is not read: scoring's view of the weight column of hashed training data.
   */
  CsvColumns(String[] names, String labelCol, String weightCol, LabelPolicy policy, String fileName,
      FeatureHashing hashing, String ignoredCol) {
    this.names = names.clone();
    this.policy = policy;
    this.hashing = hashing;
    if (labelCol != null) {
      labelColumn = require(labelCol, "label", fileName);
    } else {
      int named = indexOf("label");
      labelColumn = named >= 0 ? named : names.length - 1;
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
      featureIndex[j] = j == labelColumn || j == weightColumn || j == ignoredColumn ? -1 : next++;
    }
    numFeatureColumns = next;
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
    return Arrays.asList(names).indexOf(name);
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
