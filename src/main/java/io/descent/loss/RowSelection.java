package io.descent.loss;

import io.descent.block.Block;
import java.io.Serializable;

/**
 * Which rows a model of a many-model pass sums over, chosen by block: all, all but one row
 * group (a fold's training rows), or one group only (its held-out rows). Blocks carry their
 * group ({@link Block#group()}), so the choice costs nothing per row.
 */
public record RowSelection(Kind kind, int group) implements Serializable {
  public enum Kind { ALL, ALL_BUT, ONLY }

  public static final RowSelection ALL = new RowSelection(Kind.ALL, Block.NO_GROUP);

  public RowSelection {
    if (kind != Kind.ALL && group < 0) {
      throw new IllegalArgumentException("a row group is a non-negative number, not " + group);
    }
  }

  /** The training rows of fold {@code g}'s model. */
  public static RowSelection allBut(int g) {
    return new RowSelection(Kind.ALL_BUT, g);
  }

  /** The rows of group {@code g}. */
  public static RowSelection only(int g) {
    return new RowSelection(Kind.ONLY, g);
  }

  public boolean admits(Block b) {
    return switch (kind) {
      case ALL -> true;
      case ALL_BUT -> b.group() != group;
      case ONLY -> b.group() == group;
    };
  }
}
