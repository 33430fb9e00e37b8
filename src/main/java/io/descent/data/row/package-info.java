/**
 * One decoded input row ({@link io.descent.data.row.RowBuffer}), the decoder interface that
 * fills it, what can be wrong with a row and where a row is: the vocabulary every reader,
 * the scan and the packers share.
 */
package io.descent.data.row;
