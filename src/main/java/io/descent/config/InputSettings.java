package io.descent.config;

import io.descent.data.source.CsvSeparator;

/**
 * What the rows are and how they are cached: the data and its format and columns, feature
 * hashing, the rows held out, and the blocks' size and precision. All of them define the
 * result.
 *
 * @param format null: from the file name
 * @param numFeatures null: inferred
 * @param holdout the fraction of rows held out; 0: none
 * @param hashFeatures the number of hash buckets; 0: no hashing
 * @param featurePrecision "double" or "float"
 * @param csvSeparator the character between CSV cells
 */
public record InputSettings(
    String data,
    String format,
    String labelCol,
    String weightCol,
    String featuresCol,
    Integer numFeatures,
    int hashFeatures,
    double holdout,
    long blockBytes,
    String featurePrecision,
    char csvSeparator) {

  void addTo(SettingsJson json) {
    json.put("data", data)
        .put("format", format)
        .put("labelCol", labelCol)
        .put("weightCol", weightCol)
        .put("featuresCol", featuresCol)
        .put("numFeatures", numFeatures)
        .put("hashFeatures", hashFeatures > 0 ? hashFeatures : null)
        .put("holdout", holdout > 0 ? holdout : null)
        .put("blockBytes", blockBytes)
        // Recorded only when not the default, so that runs and checkpoints from before the
        // setting existed still match.
        .put("featurePrecision", "double".equals(featurePrecision) ? null : featurePrecision)
        // The same: the default comma is not recorded.
        .put("csvSeparator", csvSeparator == CsvSeparator.DEFAULT ? null
            : CsvSeparator.display(csvSeparator));
  }
}
