package io.descent.train;

import io.descent.optim.Divergence;
import io.descent.optim.Optimizer;
import io.descent.optim.OptimizerState;
import io.descent.optim.Problem;
import io.descent.optim.Step;
import io.descent.optim.StopReason;
import io.descent.optim.UnsuitableProblemException;
import io.descent.optim.StoppingRule;
import io.descent.report.IterationRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Iterates an optimizer from a state until the stopping rule or the optimizer says stop.
 * A diverged step ends the run with exit 3, a refusal to start with exit 2.
 * Every state passes, with its record, through the listeners in their order (console line,
 * holdout scores, progress bar, checkpoints: whatever the caller composes); they are the one
 * place where such concerns hook in. The history is one list that grows by a record per
 * iteration; listeners see it read-only, never a copy.
 */
public final class TrainingLoop {
  /** Where the run ended. */
  public record Outcome(OptimizerState state, List<IterationRecord> history, StopReason stopReason) {}

  /**
   * What a listener sees after each iteration (and once for the starting state);
   * {@code stopReason} is set on the last one. {@code history} is a read-only view of the
   * growing history: valid during the call, copy what must outlive it.
   */
  public record Progress(OptimizerState state, List<IterationRecord> history, StopReason stopReason) {

    public IterationRecord last() {
      return history.get(history.size() - 1);
    }
  }

  private final Problem problem;
  private final Optimizer optimizer;
  private final StoppingRule rule;
  private final List<Consumer<Progress>> listeners;
  private final StopRequest stop;
  /** The data's curvature bound L, computed only to advise a step after a divergence. */
  private DoubleSupplier curvatureBound = () -> Double.NaN;

  public TrainingLoop(Problem problem, Optimizer optimizer, StoppingRule rule,
      List<Consumer<Progress>> listeners) {
    this(problem, optimizer, rule, listeners, StopRequest.NEVER);
  }

  /** With {@code stop} asked after every iteration: a request ends the run there. */
  public TrainingLoop(Problem problem, Optimizer optimizer, StoppingRule rule,
      List<Consumer<Progress>> listeners, StopRequest stop) {
    this.problem = problem;
    this.optimizer = optimizer;
    this.rule = rule;
    this.listeners = List.copyOf(listeners);
    this.stop = stop;
  }

  /** This loop, advising 1/L from {@code bound} when a fixed step diverges. */
  public TrainingLoop withCurvatureBound(DoubleSupplier bound) {
    this.curvatureBound = bound;
    return this;
  }

  /** A fresh run from x0. */
  public Outcome run(double[] x0) {
    long started = System.nanoTime();
    OptimizerState state;
    try {
      state = optimizer.start(problem, x0);
    } catch (UnsuitableProblemException e) {
      throw OptimizerMessages.refused(optimizer.name(), e);
    }
    List<IterationRecord> history = new ArrayList<>();
    history.add(IterationRecord.start(state.value(), state.evaluation().gradientNorm(),
        problem.passes(), seconds(started)));
    List<IterationRecord> view = Collections.unmodifiableList(history);
    StopReason reason = rule.maxIter() == 0 ? StopReason.MAX_ITER
        : optimizer.stoppingWindow() > 1 ? null : rule.check(null, state);
    reason = reason == null && stop.signal() != null ? StopReason.SIGNALLED : reason;
    emit(new Progress(state, view, reason));
    return reason != null ? new Outcome(state, view, reason) : continueFrom(state, history);
  }

  /**
   * Continues from a state the stopping rule let pass, and the history that led to it (also
   * a resume from a checkpoint).
   */
  public Outcome continueFrom(OptimizerState state, List<IterationRecord> history) {
    List<IterationRecord> records = new ArrayList<>(history);
    List<IterationRecord> view = Collections.unmodifiableList(records);
    StopReason reason = state.iteration() >= rule.maxIter() ? StopReason.MAX_ITER : null;
    while (reason == null) {
      long started = System.nanoTime();
      long passesBefore = problem.passes();
      Step step = optimizer.step(problem, state);
      if (step.isDiverged()) {
        Divergence d = step.divergence();
        throw OptimizerMessages.diverged(d, d.autoStepHelps() ? curvatureBound.getAsDouble() : Double.NaN);
      }
      if (step.stopReason() != null) {
        reason = step.stopReason();
        break;
      }
      OptimizerState next = step.state();
      records.add(new IterationRecord(next.iteration(), next.value(),
          next.evaluation().gradientNorm(), step.stepSize(), step.predictedDecrease(),
          state.value() - next.value(), problem.passes() - passesBefore, seconds(started)));
      reason = optimizer.stoppingWindow() > 1
          ? rule.checkWindowed(tail(records, true, 2 * optimizer.stoppingWindow()),
              tail(records, false, 2 * optimizer.stoppingWindow()), next.iteration(),
              optimizer.stoppingWindow())
          : rule.check(state, next);
      reason = reason == null && stop.signal() != null ? StopReason.SIGNALLED : reason;
      state = next;
      emit(new Progress(next, view, reason));
    }
    if (reason != StopReason.SIGNALLED) {
      state = optimizer.finish(problem, state);
    }
    return new Outcome(state, view, reason);
  }

  /** The objective values (or gradient norms) of the last {@code count} records, oldest first. */
  private static double[] tail(List<IterationRecord> records, boolean values, int count) {
    int from = Math.max(0, records.size() - count);
    double[] out = new double[records.size() - from];
    for (int i = 0; i < out.length; i++) {
      IterationRecord r = records.get(from + i);
      out[i] = values ? r.objective() : r.gradientNorm();
    }
    return out;
  }

  private void emit(Progress p) {
    for (Consumer<Progress> l : listeners) {
      l.accept(p);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
