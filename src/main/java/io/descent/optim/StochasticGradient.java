package io.descent.optim;

import io.descent.DivergedException;
import java.util.HashMap;
import java.util.Map;

/**
 * Mini-batch stochastic gradient (name "sgd", optional heavy-ball momentum) and Adam
 * (name "adam", Kingma & Ba 2015), proximal when L1 is on. Every iteration is one pass that
 * computes F at the new point over ALL rows (the recorded objective is exact) and the
 * gradient over a batch in which each row is drawn with probability {@code batch-fraction}
 * by a generator seeded with (seed, iteration, partition) inside the partition kernel: task
 * retries and resumed runs replay the same batches. The recorded gradient norm is the
 * batch's, an estimate.
 *
 * <p>State: "velocity" (momentum) or "firstMoment"/"secondMoment" (Adam), plus the scalars
 * of {@link DivergenceWatch}.
 */
public final class StochasticGradient implements Optimizer {
  /** How the batch gradient becomes a move. */
  public enum Update { SGD, ADAM }

  static final String VELOCITY = "velocity";
  static final String FIRST_MOMENT = "firstMoment";
  static final String SECOND_MOMENT = "secondMoment";
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;
  /** Batch noise makes short runs of rises common; only a long one means divergence. */
  private static final int MAX_RISES = 10;

  private final Update update;
  private final double step;
  private final StepSchedule schedule;
  private final double decay;
  private final double momentum;
  private final double fraction;
  private final long seed;

  public StochasticGradient(Update update, double step, StepSchedule schedule, double decay,
      double momentum, double fraction, long seed) {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be positive and finite");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1)");
    }
    this.update = update;
    this.step = step;
    this.schedule = schedule;
    this.decay = decay;
    this.momentum = momentum;
    this.fraction = fraction;
    this.seed = seed;
    new BatchSpec(fraction, seed, 0);
  }

  @Override
  public String name() {
    return update == Update.ADAM ? "adam" : "sgd";
  }

  @Override
  public OptimizerState start(Problem problem, double[] x0) {
    Evaluation e = problem.evaluateSampled(x0, new BatchSpec(fraction, seed, 0));
    if (!e.isFinite()) {
      throw new DivergedException("The objective is not finite at the starting point ("
          + e.value() + "); check the input scale or the warm-start model.");
    }
    return OptimizerState.initial(e);
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    int t = state.iteration();
    double eta = schedule.at(step, t, decay);
    double[] g = at.gradient();
    Map<String, double[]> vectors = new HashMap<>();
    double[] move;
    if (update == Update.ADAM) {
      move = adam(state, g, t, vectors);
    } else if (momentum > 0) {
      double[] v = state.vector(VELOCITY);
      move = v == null ? g.clone() : Vectors.axpy(momentum, v, g);
      vectors.put(VELOCITY, move);
    } else {
      move = g;
    }
    double[] next = problem.regularization().proxL1(Vectors.axpy(-eta, move, at.x()), eta);
    Evaluation e = problem.evaluateSampled(next, new BatchSpec(fraction, seed, t + 1));
    Map<String, Double> watch = DivergenceWatch.check(
        update == Update.ADAM ? "Adam" : "Stochastic gradient descent", state, e, MAX_RISES,
        "try --step " + DivergenceWatch.fmt(step / 10) + ".");
    OptimizerState s = new OptimizerState(t + 1, e, watch, vectors);
    return Step.taken(s, eta, eta * Vectors.dot(g, move), 1);
  }

  /** Adam's bias-corrected m̂ / (√v̂ + ε); the moments go into {@code vectors}. */
  private static double[] adam(OptimizerState state, double[] g, int t,
      Map<String, double[]> vectors) {
    double[] m = state.vector(FIRST_MOMENT);
    double[] v = state.vector(SECOND_MOMENT);
    double[] m2 = new double[g.length];
    double[] v2 = new double[g.length];
    double[] move = new double[g.length];
    double c1 = 1 - StrictMath.pow(BETA1, t + 1);
    double c2 = 1 - StrictMath.pow(BETA2, t + 1);
    for (int j = 0; j < g.length; j++) {
      m2[j] = BETA1 * (m == null ? 0 : m[j]) + (1 - BETA1) * g[j];
      v2[j] = BETA2 * (v == null ? 0 : v[j]) + (1 - BETA2) * g[j] * g[j];
      move[j] = (m2[j] / c1) / (Math.sqrt(v2[j] / c2) + EPSILON);
    }
    vectors.put(FIRST_MOMENT, m2);
    vectors.put(SECOND_MOMENT, v2);
    return move;
  }
}
