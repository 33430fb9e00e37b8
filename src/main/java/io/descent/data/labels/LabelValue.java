package io.descent.data.labels;

import io.descent.data.row.RowPosition;

/** One distinct label with its first occurrence in input order and its count. */
public record LabelValue(double value, RowPosition first, long count) {}
