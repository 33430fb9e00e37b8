/**
 * Where the input is and how it is read: {@link io.descent.data.source.InputSpec}, the input
 * files and their fingerprint, and one reader per format (LIBSVM, CSV, Parquet, and the
 * unlabeled CSV and Parquet of scoring) with its row decoders and line rules.
 */
package io.descent.data.source;
