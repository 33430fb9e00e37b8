package io.descent.data.packing;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator whose elements (chunks, blocks) are built one at a time from a partition's
 * input as they are asked for, so that a task never holds more than the one being built:
 * subclasses say how the next one is made.
 */
abstract class LazyIterator<T> implements Iterator<T> {
  private T next;

  /** The next element, or null when the input is used up. */
  abstract T advance();

  @Override
  public final boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T b = next;
    next = null;
    return b;
  }
}
