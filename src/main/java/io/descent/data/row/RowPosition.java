package io.descent.data.row;

import java.io.Serializable;

/**
 * Where a row is, as a task sees it: the file Spark names, the start of the split it came
 * from, and the row's offset among that split's rows. {@link io.descent.data.diagnostics.SegmentTable} turns it into a
 * row number of the file.
 */
public record RowPosition(String file, long splitStart, long offset) implements Serializable {}
