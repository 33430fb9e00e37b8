package io.descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.descent.block.Block;
import io.descent.testing.TestBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch of models' requests, each over its own row groups, gives every model exactly the
 * bits a pass of its own over those rows gives: the sums are the member's own, block by block.
 */
class PassBatchTest {
  private static final ParamLayout LAYOUT = new ParamLayout(6, 1, true);
  private static final Loss LOSS = LossKind.LOGISTIC.create(2);

  /** Eight blocks of three groups, sparse and dense, weighted and not. */
  private static List<Block> groupedBlocks() {
    Random rnd = new Random(7);
    List<Block> out = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      double[] labels = new double[5 + b];
      for (int r = 0; r < labels.length; r++) {
        labels[r] = rnd.nextInt(2);
      }
      Block dense = TestBlocks.randomDense(rnd, labels.length, 6, labels, b % 2 == 0);
      out.add((b % 3 == 0 ? TestBlocks.toSparse(dense) : dense).inGroup(b % 3));
    }
    return out;
  }

  private static double[] point(long seed) {
    Random rnd = new Random(seed);
    double[] x = new double[LAYOUT.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextGaussian() * 0.3;
    }
    return x;
  }

  private static PassResult alone(PassRequest r, List<Block> blocks, RowSelection rows,
      double weightSum) {
    PassAccumulator acc = new PassAccumulator(r, LOSS, LAYOUT);
    acc.startPartition(0);
    for (Block b : blocks) {
      if (rows.admits(b)) {
        acc.add(b);
      }
    }
    return PassAccumulator.decode(r, LOSS, LAYOUT, acc.partial(), weightSum);
  }

  @Test
  void everyMemberGetsTheBitsOfItsOwnPass() {
    List<Block> blocks = groupedBlocks();
    List<PassBatch.Member> members = List.of(
        new PassBatch.Member(PassRequest.gradientAt(point(1)), RowSelection.ALL),
        new PassBatch.Member(PassRequest.gradientAndDiagonalAt(point(2)), RowSelection.allBut(0)),
        new PassBatch.Member(PassRequest.hessianTimes(point(3), point(4)), RowSelection.allBut(1)),
        new PassBatch.Member(PassRequest.along(point(5), point(6), new double[] {0.5, 1}, true),
            RowSelection.allBut(2)),
        new PassBatch.Member(PassRequest.scoreAt(point(7)), RowSelection.only(1)));
    PassBatch batch = new PassBatch(members);
    double[] weightSums = {10, 7, 8, 9, 1};
    BatchAccumulator acc = new BatchAccumulator(batch, LOSS, LAYOUT);
    acc.startPartition(0);
    for (Block b : blocks) {
      acc.add(b);
    }
    double[] partial = acc.partial();
    assertEquals(BatchAccumulator.length(batch, LOSS, LAYOUT), partial.length);
    PassResult[] got = BatchAccumulator.decode(batch, LOSS, LAYOUT, partial, weightSums);
    for (int m = 0; m < members.size(); m++) {
      PassResult want = alone(members.get(m).request(), blocks, members.get(m).rows(),
          weightSums[m]);
      assertArrayEquals(want.values(), got[m].values(), "member " + m);
      if (want.gradients() != null) {
        assertArrayEquals(want.gradient(), got[m].gradient(), "member " + m);
      }
      assertArrayEquals(want.hessianDiagonal(), got[m].hessianDiagonal(), "member " + m);
      assertArrayEquals(want.hessianTimes(), got[m].hessianTimes(), "member " + m);
      if (want.line() != null) {
        assertArrayEquals(want.line().differences(), got[m].line().differences());
        assertArrayEquals(want.line().gradientAtFirst(), got[m].line().gradientAtFirst());
      }
      if (want.score() != null) {
        assertEquals(want.score(), got[m].score());
      }
    }
  }

  @Test
  void aBatchOfOneIsTheOrdinaryPass() {
    List<Block> blocks = groupedBlocks();
    PassRequest r = PassRequest.gradientAt(point(9));
    PassAccumulator single = new PassAccumulator(r, LOSS, LAYOUT);
    BatchAccumulator batch = new BatchAccumulator(PassBatch.of(r), LOSS, LAYOUT);
    for (Block b : blocks) {
      single.add(b);
      batch.add(b);
    }
    double[] a = single.partial();
    double[] b = batch.partial();
    assertArrayEquals(a, b);
    PassResult[] decoded = BatchAccumulator.decode(PassBatch.of(r), LOSS, LAYOUT, b,
        new double[] {3});
    assertArrayEquals(PassAccumulator.decode(r, LOSS, LAYOUT, a, 3).gradient(),
        decoded[0].gradient());
  }

  @Test
  void selectionsChooseBlocksByGroup() {
    Block b = groupedBlocks().get(1);
    assertEquals(1, b.group());
    assertSame(true, RowSelection.ALL.admits(b));
    assertSame(false, RowSelection.allBut(1).admits(b));
    assertSame(true, RowSelection.allBut(0).admits(b));
    assertSame(true, RowSelection.only(1).admits(b));
    assertSame(false, RowSelection.only(2).admits(b));
  }
}
