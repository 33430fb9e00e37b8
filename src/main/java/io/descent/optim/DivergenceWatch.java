package io.descent.optim;

/**
 * When a fixed-step method has diverged. A non-finite objective or gradient is never
 * applied. Beyond that, the run stops when the objective
 * <ul>
 *   <li>exceeds its starting value F₀ by more than {@value #BLOW_UP}·max(|F₀|, 1), or</li>
 *   <li>rose (by more than rounding, 1e-12 relative) in {@code maxRises} consecutive
 *       iterations while the gradient norm grew too.</li>
 * </ul>
 * Below 2/L gradient descent decreases F at every step, so both signs mean the step is too
 * large; they fire within a few iterations instead of after max-iter iterations of growth.
 * The count and F₀ live in the optimizer state, so a resumed run watches the same way.
 */
final class DivergenceWatch {
  static final double BLOW_UP = 10;
  private static final double ROUNDING = 1e-12;
  private static final String START_VALUE = "startValue";
  private static final String RISES = "rises";

  /** What the watch remembers: F₀ and the count of consecutive rises. */
  record Memory(double startValue, double rises) implements MethodState {
    @Override
    public NamedVectors encode() {
      return encodeInto(new NamedVectors());
    }

    NamedVectors encodeInto(NamedVectors out) {
      return out.putScalar(RISES, rises).putScalar(START_VALUE, startValue);
    }

    /** Null when nothing was saved (the state of iteration 0). */
    static Memory decode(NamedVectors saved) {
      return saved.vector(START_VALUE) == null ? null
          : new Memory(saved.scalar(START_VALUE), saved.scalar(RISES));
    }
  }

  /** What the watch saw: {@code finding} says how the run diverged (null: it did not). */
  record Verdict(String finding, Memory memory) {
    boolean diverged() {
      return finding != null;
    }
  }

  private DivergenceWatch() {}

  /**
   * The watch's verdict on moving from {@code before} to {@code next}; {@code memory} is
   * what it remembered at {@code before} (null at the start).
   */
  static Verdict check(Memory memory, Evaluation before, Evaluation next, int maxRises) {
    if (!next.isFinite() || !Vectors.allFinite(next.gradient())) {
      return new Verdict(String.format("the objective became %s", next.value()), null);
    }
    double start = memory == null ? before.value() : memory.startValue();
    if (next.value() - start > BLOW_UP * Math.max(Math.abs(start), 1)) {
      return new Verdict(String.format("the objective grew from %.6g to %.6g", start,
          next.value()), null);
    }
    boolean rose = next.value() - before.value() > ROUNDING * Math.max(Math.abs(before.value()), 1e-300)
        && next.gradientNorm() > before.gradientNorm();
    double rises = rose ? (memory == null ? 0 : memory.rises()) + 1 : 0;
    if (rises >= maxRises) {
      return new Verdict(String.format("the objective and the gradient norm grew for %d "
          + "iterations in a row (objective %.6g, started at %.6g)", (int) rises, next.value(),
          start), null);
    }
    return new Verdict(null, new Memory(start, rises));
  }
}
