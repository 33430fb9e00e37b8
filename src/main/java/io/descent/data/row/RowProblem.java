package io.descent.data.row;

import java.io.Serializable;

/**
 * What is wrong with one row: the column at fault (null for LIBSVM, which has none) and a
 * message that completes "file, line N[, column "c"]: …".
 */
public record RowProblem(String column, String message) implements Serializable {}
