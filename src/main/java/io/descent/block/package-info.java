/**
 * The Spark-free core under the math: a {@link io.descent.block.Block} of rows as primitive
 * arrays (dense or CSR), how blocks are built and sized, how feature values are stored, and the
 * kinds of label a loss trains on. {@code loss} and {@code optim} depend on this and on nothing
 * of Spark or Hadoop.
 */
package io.descent.block;
