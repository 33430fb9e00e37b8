package io.descent.data.source;

import io.descent.BadInputException;

/**
 * Where the rows come from. {@code format} is "libsvm", "csv" or "parquet", or null = from the
 * file name (.csv is CSV; .parquet, or a directory of such files, is Parquet; anything else,
 * .gz included, is LIBSVM). {@code labelCol} and {@code weightCol} name CSV or Parquet columns;
 * {@code featuresCol} names a Parquet vector column; {@code numFeatures}, when set, fixes the
 * feature count (LIBSVM indices above it are errors; CSV and Parquet may have fewer columns);
 * {@code csvSeparator} separates CSV cells (null: a comma). Blank strings count as null.
 */
public record InputSpec(String path, String format, String labelCol, String weightCol,
    String featuresCol, Integer numFeatures, Character csvSeparator) {

  /** With CSV cells separated by commas. */
  public InputSpec(String path, String format, String labelCol, String weightCol,
      String featuresCol, Integer numFeatures) {
    this(path, format, labelCol, weightCol, featuresCol, numFeatures, null);
  }

  public InputSpec {
    if (path == null || path.isBlank()) {
      throw new BadInputException("the input path is empty");
    }
    format = blankToNull(format);
    if (format != null) {
      format = InputFormat.named(format).lowerName();
    }
    labelCol = blankToNull(labelCol);
    weightCol = blankToNull(weightCol);
    featuresCol = blankToNull(featuresCol);
    if (numFeatures != null && numFeatures <= 0) {
      throw new BadInputException("numFeatures must be positive, not " + numFeatures);
    }
  }

  /** The path alone; everything else inferred. */
  public static InputSpec of(String path) {
    return new InputSpec(path, null, null, null, null, null, null);
  }

  public InputSpec withFormat(String f) {
    return new InputSpec(path, f, labelCol, weightCol, featuresCol, numFeatures, csvSeparator);
  }

  public InputSpec withLabelCol(String c) {
    return new InputSpec(path, format, c, weightCol, featuresCol, numFeatures, csvSeparator);
  }

  public InputSpec withWeightCol(String c) {
    return new InputSpec(path, format, labelCol, c, featuresCol, numFeatures, csvSeparator);
  }

  public InputSpec withFeaturesCol(String c) {
    return new InputSpec(path, format, labelCol, weightCol, c, numFeatures, csvSeparator);
  }

  public InputSpec withNumFeatures(Integer n) {
    return new InputSpec(path, format, labelCol, weightCol, featuresCol, n, csvSeparator);
  }

  public InputSpec withCsvSeparator(Character c) {
    return new InputSpec(path, format, labelCol, weightCol, featuresCol, numFeatures, c);
  }

  /** The character between CSV cells. */
  public char separator() {
    return csvSeparator == null ? CsvSeparator.DEFAULT : csvSeparator;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
