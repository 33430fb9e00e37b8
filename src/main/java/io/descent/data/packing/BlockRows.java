package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.block.BlockBuilder;
import io.descent.data.row.RowBuffer;

/** Copies single rows of a packed block into a builder: how a split re-packs its parts. */
final class BlockRows {
  private final RowBuffer dense = new RowBuffer();

  /** A builder for rows of {@code like}: same width, weights and precision. */
  static BlockBuilder builderLike(Block like) {
    return new BlockBuilder(like.numFeatures(), like.weights() != null, like.numRows(),
        like.precision());
  }

  /** Adds row {@code r} of {@code b} to {@code into}, at the block's precision. */
  void copy(Block b, int r, BlockBuilder into) {
    // A float value goes through the builder's doubles unchanged.
    if (b.isSparse() && b.isFloat()) {
      into.add(b.label(r), b.weight(r), b.indices(), b.floatValues(), b.rowStart()[r],
          b.rowStart()[r + 1]);
    } else if (b.isSparse()) {
      into.add(b.label(r), b.weight(r), b.indices(), b.values(), b.rowStart()[r],
          b.rowStart()[r + 1]);
    } else {
      dense.clear();
      int base = r * b.numFeatures();
      for (int j = 0; j < b.numFeatures(); j++) {
        dense.add(j, b.value(base + j));
      }
      into.add(b.label(r), b.weight(r), dense.indices, dense.values, 0, dense.nnz);
    }
  }
}
