package io.descent.engine;

import io.descent.loss.PassBatch;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.loss.RowSelection;
import io.descent.optim.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * Many models trained at once, each by its own optimizer in its own thread, their passes
 * merged: a model's pass waits until every model still training has asked for one, then all
 * of them run as one {@link PassBatch} — one Spark job per step of the slowest model, not
 * one per model. Each model's result is exactly what a pass of its own would give (its sums
 * are its own, added in the same order), so how passes are grouped never changes a bit.
 *
 * <p>A model that finishes (or fails) must {@link Member#close} itself; the others then go on
 * without it. A failed job fails every model waiting on it.
 */
public final class LockstepPasses {
  /** Runs one batch; member m's sums divided by {@code weightSums[m]}. */
  public interface BatchRunner {
    PassResult[] run(PassBatch batch, double[] weightSums);
  }

  private final BatchRunner runner;
  private final int dimension;
  private final List<Member> members = new ArrayList<>();
  private int active;
  private boolean running;
  private long jobs;

  public LockstepPasses(BatchRunner runner, int dimension) {
    this.runner = runner;
    this.dimension = dimension;
  }

  /** Over the engine's cached blocks. */
  public static LockstepPasses over(PassRunner passes) {
    return new LockstepPasses(passes::run, passes.layout().size());
  }

  /** A new model whose passes sum over {@code rows}, divided by their Σv. */
  public synchronized Member member(RowSelection rows, double weightSum) {
    Member m = new Member(members.size(), rows, weightSum);
    members.add(m);
    active++;
    return m;
  }

  /** Spark jobs run so far: one per merged step. */
  public synchronized long jobs() {
    return jobs;
  }

  /** One model's view: an {@link Objective} whose every pass joins the others'. */
  public final class Member implements Objective, AutoCloseable {
    private final int index;
    private final RowSelection rows;
    private final double weightSum;
    private PassRequest pending;
    private PassResult result;
    private RuntimeException failure;
    private boolean closed;

    private Member(int index, RowSelection rows, double weightSum) {
      this.index = index;
      this.rows = rows;
      this.weightSum = weightSum;
    }

    @Override
    public int dimension() {
      return dimension;
    }

    @Override
    public PassResult run(PassRequest request) {
      synchronized (LockstepPasses.this) {
        if (closed) {
          throw new IllegalStateException("model " + index + " has left the lockstep");
        }
        pending = request;
        result = null;
        failure = null;
      }
      runIfAllWaiting();
      synchronized (LockstepPasses.this) {
        while (result == null && failure == null) {
          try {
            LockstepPasses.this.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a merged pass", e);
          }
        }
        if (failure != null) {
          throw failure;
        }
        PassResult r = result;
        result = null;
        return r;
      }
    }

    /** Leaves the lockstep: the others no longer wait for this model. */
    @Override
    public void close() {
      synchronized (LockstepPasses.this) {
        if (closed) {
          return;
        }
        closed = true;
        active--;
      }
      runIfAllWaiting();
    }
  }

  /**
   * When every model still in the lockstep waits for a pass, the calling thread runs them all
   * as one batch, in member order, and hands out the results.
   */
  private void runIfAllWaiting() {
    List<Member> batch = new ArrayList<>();
    synchronized (this) {
      if (running) {
        return;
      }
      for (Member m : members) {
        if (!m.closed && m.pending == null) {
          return;
        }
        if (!m.closed) {
          batch.add(m);
        }
      }
      if (batch.isEmpty()) {
        return;
      }
      running = true;
    }
    List<PassBatch.Member> requests = new ArrayList<>();
    double[] weightSums = new double[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Member m = batch.get(i);
      requests.add(new PassBatch.Member(m.pending, m.rows));
      weightSums[i] = m.weightSum;
    }
    PassResult[] results = null;
    RuntimeException failed = null;
    try {
      results = runner.run(new PassBatch(requests), weightSums);
    } catch (RuntimeException e) {
      failed = e;
    } catch (Error e) {
      failed = new IllegalStateException("a merged pass failed: " + e, e);
    }
    synchronized (this) {
      jobs++;
      for (int i = 0; i < batch.size(); i++) {
        Member m = batch.get(i);
        m.pending = null;
        if (failed != null) {
          m.failure = failed;
        } else {
          m.result = results[i];
        }
      }
      running = false;
      notifyAll();
    }
  }
}
