package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.descent.block.Block;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.optim.AcceleratedGradient;
import io.descent.optim.ArmijoDescent;
import io.descent.optim.GradientDescent;
import io.descent.optim.Lbfgs;
import io.descent.optim.NewtonMethod;
import io.descent.optim.NormalizedGradient;
import io.descent.optim.Optimizer;
import io.descent.optim.OptimizerState;
import io.descent.optim.Problem;
import io.descent.optim.Step;
import io.descent.optim.StepSchedule;
import io.descent.optim.StochasticGradient;
import io.descent.optim.Tron;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.TestBlocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer keeps all its state in OptimizerState: k steps (K unless said), a trip through the
 * checkpoint codec into a fresh optimizer and problem, and k more steps give the same bits
 * as 2k uninterrupted steps.
 */
class OptimizerStateRoundTripTest {
  private static final int K = 6;
  private static final List<Block> BLOCKS =
      TestBlocks.libsvm(Datasets.sample("heart_scale"), 64, y -> y > 0 ? 1 : 0);
  private static final int D = BLOCKS.get(0).numFeatures();

  static Stream<Arguments> optimizers() {
    List<Arguments> list = new ArrayList<>();
    add(list, "gd", 0.0, () -> new GradientDescent(0.5));
    add(list, "armijo", 0.0, () -> new ArmijoDescent(1.0));
    add(list, "armijo-l1", 0.5, () -> new ArmijoDescent(1.0));
    add(list, "normalized", 0.0, () -> new NormalizedGradient(0.5));
    add(list, "nesterov", 0.0, () -> new AcceleratedGradient(0.5));
    add(list, "fista", 0.5, () -> new AcceleratedGradient(0.5));
    add(list, "lbfgs", 0.0, () -> new Lbfgs(3));
    add(list, "owlqn", 0.5, () -> new Lbfgs(3));
    add(list, "newton", 0.0, () -> new NewtonMethod(100));
    // Newton-type: at 2K = 12 steps it would be at the optimum, where no step decreases F.
    list.add(Arguments.of("tron", 0.0, (Supplier<Optimizer>) Tron::new, 2));
    add(list, "sgd-momentum", 0.0, () -> new StochasticGradient(
        StochasticGradient.Update.SGD, 0.3, StepSchedule.DECAY, 0.1, 0.5, 0.3, 7));
    add(list, "adam", 0.5, () -> new StochasticGradient(
        StochasticGradient.Update.ADAM, 0.05, StepSchedule.INVSQRT, 0, 0, 0.3, 7));
    return list.stream();
  }

  private static void add(List<Arguments> list, String name, double alpha,
      Supplier<Optimizer> make) {
    list.add(Arguments.of(name, alpha, make, K));
  }

  private static Problem problem(double alpha) {
    ParamLayout layout = new ParamLayout(D, 1, true);
    return new Problem(new InMemoryObjective(BLOCKS, Losses.byName("logistic", 1), layout),
        new Regularization(0.05, alpha, layout));
  }

  private static OptimizerState advance(Optimizer opt, Problem problem, OptimizerState s, int n) {
    for (int i = 0; i < n; i++) {
      Step step = opt.step(problem, s);
      if (step.stopReason() != null) {
        throw new AssertionError("stopped early: " + step.stopReason());
      }
      s = step.state();
    }
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void resumedRunMatchesUninterruptedRunBitForBit(String name, double alpha,
      Supplier<Optimizer> make, int k) {
    Optimizer straight = make.get();
    Problem p1 = problem(alpha);
    OptimizerState uninterrupted = advance(straight, p1, straight.start(p1, new double[D + 1]), 2 * k);

    Optimizer first = make.get();
    Problem p2 = problem(alpha);
    OptimizerState half = advance(first, p2, first.start(p2, new double[D + 1]), k);
    Optimizer second = make.get();
    OptimizerState restored = throughCodec(half, first.name(), second);
    OptimizerState resumed = advance(second, problem(alpha), restored, k);

    assertSameBits(uninterrupted, resumed);
  }

  private static OptimizerState throughCodec(OptimizerState s, String optimizer,
      Optimizer decoder) {
    Map<String, double[]> vectors = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : CheckpointCodec.vectors(s).entrySet()) {
      vectors.put(e.getKey(), e.getValue().clone());
    }
    Map<String, Object> meta = CheckpointCodec.meta(optimizer, Map.of(), Map.of());
    return CheckpointCodec.restore(decoder, s.iteration(), meta, vectors, List.of()).state();
  }

  /** The method's state by name (a scalar is a vector of length one). */
  private static Map<String, double[]> methodState(OptimizerState s) {
    return s.method() == null ? Map.of() : s.method().encode().asMap();
  }

  private static void assertSameBits(OptimizerState a, OptimizerState b) {
    assertEquals(a.iteration(), b.iteration());
    assertArrayEquals(a.x(), b.x(), 0.0);
    assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()));
    assertEquals(Double.doubleToRawLongBits(a.evaluation().gradientNorm()),
        Double.doubleToRawLongBits(b.evaluation().gradientNorm()));
    assertArrayEquals(a.evaluation().gradient(), b.evaluation().gradient(), 0.0);
    assertEquals(methodState(a).keySet(), methodState(b).keySet());
    for (String k : methodState(a).keySet()) {
      long[] bitsA = java.util.Arrays.stream(methodState(a).get(k))
          .mapToLong(Double::doubleToRawLongBits).toArray();
      long[] bitsB = java.util.Arrays.stream(methodState(b).get(k))
          .mapToLong(Double::doubleToRawLongBits).toArray();
      assertArrayEquals(bitsA, bitsB, k);
    }
  }
}
