package io.descent.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.loss.BatchAccumulator;
import io.descent.loss.Loss;
import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassBatch;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.loss.Regularization;
import io.descent.loss.RowSelection;
import io.descent.optim.Lbfgs;
import io.descent.optim.Objective;
import io.descent.optim.OptimizerState;
import io.descent.optim.Problem;
import io.descent.optim.Step;
import io.descent.testing.TestBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Models trained in lockstep (threads, passes merged into batches) end with exactly the
 * iterates they reach alone, in as many batches as the longest of them needs passes.
 */
class LockstepPassesTest {
  private static final ParamLayout LAYOUT = new ParamLayout(5, 1, true);
  private static final Loss LOSS = LossKind.LOGISTIC.create(2);
  private static final int FOLDS = 3;

  private static List<Block> blocks() {
    Random rnd = new Random(11);
    List<Block> out = new ArrayList<>();
    for (int b = 0; b < 9; b++) {
      double[] labels = new double[20];
      for (int r = 0; r < labels.length; r++) {
        labels[r] = rnd.nextInt(2);
      }
      out.add(TestBlocks.randomDense(rnd, 20, 5, labels, false).inGroup(b % FOLDS));
    }
    return out;
  }

  /** The in-memory batch runner: every block one partition. */
  private static LockstepPasses.BatchRunner inMemory(List<Block> blocks, AtomicInteger jobs) {
    return (batch, weightSums) -> {
      jobs.incrementAndGet();
      BatchAccumulator acc = new BatchAccumulator(batch, LOSS, LAYOUT);
      for (int p = 0; p < blocks.size(); p++) {
        acc.startPartition(p);
        acc.add(blocks.get(p));
      }
      return BatchAccumulator.decode(batch, LOSS, LAYOUT, acc.partial(), weightSums);
    };
  }

  private static double weightOf(List<Block> blocks, RowSelection rows) {
    double s = 0;
    for (Block b : blocks) {
      s += rows.admits(b) ? b.weightSum() : 0;
    }
    return s;
  }

  /** A fixed number of L-BFGS steps over {@code data}; returns the iterate and the passes. */
  private static double[] train(Objective data, int steps, long[] passes) {
    Problem problem = new Problem(data, new Regularization(0.01, 0.5, LAYOUT));
    Lbfgs lbfgs = new Lbfgs(5);
    OptimizerState s = lbfgs.start(problem, new double[LAYOUT.size()]);
    for (int i = 0; i < steps; i++) {
      Step step = lbfgs.step(problem, s);
      if (step.state() == null) {
        break;
      }
      s = step.state();
    }
    passes[0] = problem.passes();
    return s.x();
  }

  @Test
  @Timeout(60)
  void modelsInLockstepEndWhereTheyEndAlone() throws Exception {
    List<Block> blocks = blocks();
    RowSelection[] rows = {RowSelection.ALL, RowSelection.allBut(0), RowSelection.allBut(1),
        RowSelection.allBut(2)};
    int[] steps = {12, 4, 9, 7};
    double[][] alone = new double[rows.length][];
    long most = 0;
    for (int m = 0; m < rows.length; m++) {
      AtomicInteger jobs = new AtomicInteger();
      LockstepPasses solo = new LockstepPasses(inMemory(blocks, jobs), LAYOUT.size());
      long[] passes = new long[1];
      try (LockstepPasses.Member member = solo.member(rows[m], weightOf(blocks, rows[m]))) {
        alone[m] = train(member, steps[m], passes);
      }
      assertEquals(passes[0], jobs.get());
      most = Math.max(most, passes[0]);
    }
    AtomicInteger jobs = new AtomicInteger();
    LockstepPasses together = new LockstepPasses(inMemory(blocks, jobs), LAYOUT.size());
    ExecutorService pool = Executors.newFixedThreadPool(rows.length);
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (int m = 0; m < rows.length; m++) {
        LockstepPasses.Member member = together.member(rows[m], weightOf(blocks, rows[m]));
        int budget = steps[m];
        futures.add(pool.submit(() -> {
          try (member) {
            return train(member, budget, new long[1]);
          }
        }));
      }
      for (int m = 0; m < rows.length; m++) {
        assertArrayEquals(alone[m], futures.get(m).get(30, TimeUnit.SECONDS), "model " + m);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(most, jobs.get(), "one batch per step of the longest model");
    assertEquals(most, together.jobs());
  }

  @Test
  @Timeout(30)
  void aFailedBatchFailsEveryWaitingModelAndNoneHangs() throws Exception {
    LockstepPasses passes = new LockstepPasses((batch, sums) -> {
      throw new IllegalStateException("executor lost");
    }, LAYOUT.size());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<PassResult>> futures = new ArrayList<>();
      for (int m = 0; m < 3; m++) {
        LockstepPasses.Member member = passes.member(RowSelection.ALL, 1);
        futures.add(pool.submit(() -> {
          try (member) {
            return member.run(PassRequest.gradientAt(new double[LAYOUT.size()]));
          }
        }));
      }
      for (Future<PassResult> f : futures) {
        Exception e = assertThrows(Exception.class, () -> f.get(10, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()).contains("executor lost"), e.toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(30)
  void aModelThatLeavesReleasesTheOthers() throws Exception {
    AtomicInteger jobs = new AtomicInteger();
    List<Block> blocks = blocks();
    LockstepPasses passes = new LockstepPasses(inMemory(blocks, jobs), LAYOUT.size());
    LockstepPasses.Member stays = passes.member(RowSelection.ALL, weightOf(blocks, RowSelection.ALL));
    LockstepPasses.Member leaves = passes.member(RowSelection.ALL, 1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<PassResult> waiting =
          pool.submit(() -> stays.run(PassRequest.gradientAt(new double[LAYOUT.size()])));
      Thread.sleep(100);
      assertEquals(0, jobs.get(), "waits for the other model");
      leaves.close();
      assertEquals(1, waiting.get(10, TimeUnit.SECONDS).values().length);
      assertEquals(1, jobs.get());
      PassBatch unused = PassBatch.of(PassRequest.gradientAt(new double[LAYOUT.size()]));
      assertEquals(1, unused.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
