package io.descent.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.optim.Objective;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.SharedSpark;
import io.descent.testing.TestBlocks;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster kernels agree with the in-memory objective, and the partition-order reduction
 * makes them bit-identical from run to run (the sampled gradient included).
 */
class DistributedObjectiveTest {
  private static final ParamLayout LAYOUT = new ParamLayout(123, 1, true);
  private static final Loss LOSS = Losses.byName("logistic", 1);
  private static List<Block> blocks;
  private static JavaRDD<Block> rdd;
  private static DistributedObjective cluster;
  private static InMemoryObjective memory;
  private static double[] x;
  private static double[] d;

  @BeforeAll
  static void cacheA9a() {
    blocks = TestBlocks.libsvm(Datasets.shared("a9a"), 2048, y -> y > 0 ? 1 : 0);
    rdd = SharedSpark.jsc().parallelize(blocks, 4).cache();
    double weightSum = 0;
    for (Block b : blocks) {
      weightSum += b.weightSum();
    }
    cluster = new DistributedObjective(rdd, weightSum, LOSS, LAYOUT);
    memory = new InMemoryObjective(blocks, LOSS, LAYOUT);
    x = new double[LAYOUT.size()];
    d = new double[LAYOUT.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.1 * Math.sin(i);
      d[i] = Math.cos(3 * i);
    }
  }

  @AfterAll
  static void release() {
    rdd.unpersist(false);
  }

  @Test
  void sampledGradientIsBitIdenticalOnTwoRuns() {
    double[] g1 = new double[x.length];
    double[] g2 = new double[x.length];
    double v1 = sampled(cluster, 3, g1);
    double v2 = sampled(cluster, 3, g2);
    assertEquals(Double.doubleToRawLongBits(v1), Double.doubleToRawLongBits(v2));
    assertArrayEquals(g1, g2, 0.0);
    double[] other = new double[x.length];
    sampled(cluster, 4, other);
    assertEquals(false, java.util.Arrays.equals(g1, other), "another iteration, another batch");
  }

  @Test
  void lineValuesMatchInMemoryAndRepeatExactly() {
    double[] steps = {1.0, 0.5, 1e-3};
    PassResult.LineSums a = cluster.run(PassRequest.along(x, d, steps, false)).line();
    PassResult.LineSums b = cluster.run(PassRequest.along(x, d, steps, false)).line();
    PassResult.LineSums m = memory.run(PassRequest.along(x, d, steps, false)).line();
    assertArrayEquals(a.differences(), b.differences(), 0.0);
    assertArrayEquals(a.slopes(), b.slopes(), 0.0);
    assertArrayEquals(m.differences(), a.differences(), 1e-12);
    assertArrayEquals(m.slopes(), a.slopes(), 1e-12);
    double[][] moves = {d, java.util.Arrays.copyOf(d, d.length)};
    assertArrayEquals(memory.run(PassRequest.differences(x, moves)).differences(),
        cluster.run(PassRequest.differences(x, moves)).differences(), 1e-12);
  }

  @Test
  void theLineSearchPassAlsoGivesTheGradientAtItsFirstStep() {
    double[] steps = {0.5, 0.25, 1e-3};
    double[] fused = new double[x.length];
    PassResult.LineSums line = alongWithGradient(cluster, steps, fused);
    PassResult.LineSums plain = cluster.run(PassRequest.along(x, d, steps, false)).line();
    assertArrayEquals(plain.differences(), line.differences(), 0.0);
    assertArrayEquals(plain.slopes(), line.slopes(), 0.0);
    double[] direct = new double[x.length];
    copy(cluster.run(PassRequest.gradientAt(io.descent.optim.Vectors.axpy(0.5, d, x))).gradient(), direct);
    assertArrayEquals(direct, fused, 1e-13);
    double[] again = new double[x.length];
    alongWithGradient(cluster, steps, again);
    assertArrayEquals(fused, again, 0.0);
    double[] inMemory = new double[x.length];
    alongWithGradient(memory, steps, inMemory);
    assertArrayEquals(inMemory, fused, 1e-13);
  }

  @Test
  void hessianCurvatureBoundAndMultiPointGradientsMatchInMemory() {
    int n = LAYOUT.size();
    double[] gc = new double[n];
    double[] gm = new double[n];
    double[] hc = new double[n * n];
    double[] hm = new double[n * n];
    assertEquals(hessian(memory, gm, hm), hessian(cluster, gc, hc), 1e-12);
    assertArrayEquals(gm, gc, 1e-12);
    assertArrayEquals(hm, hc, 1e-12);
    assertArrayEquals(memory.run(PassRequest.curvatureBoundTimes(d)).curvatureTimes(),
        cluster.run(PassRequest.curvatureBoundTimes(d)).curvatureTimes(), 1e-12);
    double[][] gradsC = new double[2][n];
    double[][] gradsM = new double[2][n];
    double[][] points = {x, d};
    assertArrayEquals(gradients(memory, points, gradsM), gradients(cluster, points, gradsC),
        1e-12);
    assertArrayEquals(gradsM[1], gradsC[1], 1e-12);
  }

  /** tron's passes: the Hessian-vector product, the gradient with the diagonal, the trial. */
  @Test
  void hessianProductsAndDiagonalsMatchInMemoryAndRepeatExactly() {
    for (String name : new String[] {"logistic", "squared_hinge"}) {
      Loss loss = Losses.byName(name, 1);
      double weightSum = 0;
      for (Block b : blocks) {
        weightSum += b.weightSum();
      }
      Objective c = new DistributedObjective(rdd, weightSum, loss, LAYOUT);
      Objective m = new InMemoryObjective(blocks, loss, LAYOUT);
      double[] hv = c.run(PassRequest.hessianTimes(x, d)).hessianTimes();
      assertArrayEquals(hv, c.run(PassRequest.hessianTimes(x, d)).hessianTimes(), 0.0);
      assertArrayEquals(m.run(PassRequest.hessianTimes(x, d)).hessianTimes(), hv, 1e-12);
      PassResult withDiagonal = c.run(PassRequest.gradientAndDiagonalAt(x));
      PassResult inMemory = m.run(PassRequest.gradientAndDiagonalAt(x));
      assertArrayEquals(inMemory.hessianDiagonal(), withDiagonal.hessianDiagonal(), 1e-12);
      assertArrayEquals(inMemory.gradient(), withDiagonal.gradient(), 1e-12);
      assertArrayEquals(c.run(PassRequest.gradientAt(x)).gradient(), withDiagonal.gradient(), 0.0);
      PassResult trial = c.run(PassRequest.alongWithDiagonal(x, d, new double[] {0.01}));
      PassResult trialM = m.run(PassRequest.alongWithDiagonal(x, d, new double[] {0.01}));
      assertArrayEquals(trialM.hessianDiagonal(), trial.hessianDiagonal(), 1e-12);
      assertArrayEquals(trialM.line().gradientAtFirst(), trial.line().gradientAtFirst(), 1e-12);
      assertArrayEquals(trialM.line().differences(), trial.line().differences(), 1e-12);
    }
  }

  private static double sampled(Objective f, int iteration, double[] grad) {
    PassResult r = f.run(PassRequest.sampledGradientAt(x, 0.1, 42, iteration));
    copy(r.gradient(), grad);
    return r.value();
  }

  private static PassResult.LineSums alongWithGradient(Objective f, double[] steps,
      double[] grad) {
    PassResult.LineSums line = f.run(PassRequest.along(x, d, steps, true)).line();
    copy(line.gradientAtFirst(), grad);
    return line;
  }

  /** The value; the gradient and the full symmetric Hessian copied out. */
  private static double hessian(Objective f, double[] grad, double[] hessian) {
    PassResult r = f.run(PassRequest.hessianAt(x));
    copy(r.gradient(), grad);
    io.descent.optim.SymmetricMatrix.fillFromUpper(r.hessianUpper(), 0, grad.length, hessian);
    return r.value();
  }

  private static double[] gradients(Objective f, double[][] points, double[][] grads) {
    PassResult r = f.run(PassRequest.gradientsAt(points));
    for (int j = 0; j < points.length; j++) {
      copy(r.gradients()[j], grads[j]);
    }
    return r.values();
  }

  private static void copy(double[] from, double[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }
}
