package io.descent.optim;

/**
 * Mini-batch stochastic gradient (name "sgd", optional heavy-ball momentum) and Adam
 * (name "adam", Kingma & Ba 2015), proximal when L1 is on. Every iteration is one pass that
 * computes F at the new point over ALL rows (the recorded objective is exact) and the
 * gradient over a batch in which each row is drawn with probability {@code batch-fraction}
 * by a generator seeded with (seed, iteration, partition) inside the partition kernel: task
 * retries and resumed runs replay the same batches. The recorded gradient norm is the
 * batch's, an estimate.
 *
 * <p>State ({@link Moments}): the velocity (momentum) or the first and second moments
 * (Adam), plus what {@link DivergenceWatch} remembers.
 */
public final class StochasticGradient implements Optimizer {
  /** How the batch gradient becomes a move. */
  public enum Update { SGD, ADAM }

  /**
   * The divergence watch's memory and the running averages: {@code velocity} with momentum,
   * the moments with Adam, null where unused.
   */
  record Moments(DivergenceWatch.Memory watch, double[] velocity, double[] firstMoment,
      double[] secondMoment, double[] average) implements MethodState {
    @Override
    public NamedVectors encode() {
      NamedVectors out = watch.encodeInto(new NamedVectors());
      if (average != null) {
        out.put(AVERAGE, average);
      }
      if (velocity != null) {
        out.put(VELOCITY, velocity);
      }
      if (firstMoment != null) {
        out.put(FIRST_MOMENT, firstMoment).put(SECOND_MOMENT, secondMoment);
      }
      return out;
    }
  }

  private static final String VELOCITY = "velocity";
  private static final String FIRST_MOMENT = "firstMoment";
  private static final String SECOND_MOMENT = "secondMoment";
  private static final String AVERAGE = "iterateAverage";
  /**
   * The iterates' exponential moving average, weight 1 − β per new iterate (about the last
   * 1/(1 − β) = 100 iterates count): the classical remedy (Polyak–Ruppert averaging) for the
   * noise ball a constant step leaves the iterates in. It is the model when its objective is
   * lower than the last iterate's.
   */
  static final double AVERAGE_BETA = 0.99;
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

  /**
   * The iterates move by batch noise, so one objective difference below --tol (−1.7e-7 once
   * stopped a run 1.5e-3 above the optimum) or one small batch gradient proves nothing: the
   * tests compare means over windows of this many iterations.
   */
  public static final int STOPPING_WINDOW = 20;

  @Override
  public int stoppingWindow() {
    return STOPPING_WINDOW;
  }

  @Override
  public OptimizerState start(Problem problem, double[] x0) {
    Evaluation e = problem.evaluateSampled(x0, new BatchSpec(fraction, seed, 0));
    Optimizer.requireFiniteStart(e);
    return OptimizerState.initial(e);
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    int t = state.iteration();
    double eta = schedule.at(step, t, decay);
    double[] g = at.gradient();
    Moments before = state.method(Moments.class);
    double[] velocity = null;
    AdamMove adam = null;
    double[] move;
    if (update == Update.ADAM) {
      adam = adam(before, g, t);
      move = adam.move();
    } else if (momentum > 0) {
      double[] v = before == null ? null : before.velocity();
      move = v == null ? g.clone() : Vectors.axpy(momentum, v, g);
      velocity = move;
    } else {
      move = g;
    }
    double[] next = problem.regularization().proxL1(Vectors.axpy(-eta, move, at.x()), eta);
    Evaluation e = problem.evaluateSampled(next, new BatchSpec(fraction, seed, t + 1));
    DivergenceWatch.Verdict watch = DivergenceWatch.check(
        before == null ? null : before.watch(), at, e, MAX_RISES);
    if (watch.diverged()) {
      return Step.diverged(state, new Divergence(
          update == Update.ADAM ? "Adam" : "Stochastic gradient descent", t + 1,
          watch.finding(), step / 10, false), 1);
    }
    // Without an average yet (the first step, or a checkpoint written before averaging), the
    // iterates so far count as if they all were this one, so the 1 − β^t scaling stays right.
    double[] prior = before == null ? null : before.average();
    double[] average = prior == null
        ? Vectors.scale(1 - StrictMath.pow(AVERAGE_BETA, t + 1), next)
        : Vectors.axpy(1 - AVERAGE_BETA, next, Vectors.scale(AVERAGE_BETA, prior));
    OptimizerState s = new OptimizerState(t + 1, e,
        new Moments(watch.memory(), velocity, adam == null ? null : adam.firstMoment(),
            adam == null ? null : adam.secondMoment(), average));
    return Step.taken(s, eta, eta * Vectors.dot(g, move), 1);
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    DivergenceWatch.Memory watch = DivergenceWatch.Memory.decode(saved);
    return watch == null ? null : new Moments(watch, saved.vector(VELOCITY),
        saved.vector(FIRST_MOMENT), saved.vector(SECOND_MOMENT), saved.vector(AVERAGE));
  }

  /**
   * The averaged iterate when its full objective (one more pass, with the exact gradient) is
   * below the last iterate's; the last iterate otherwise. The average starts from zero and is
   * divided by 1 − β^t, so it weighs only iterates of this run.
   */
  @Override
  public OptimizerState finish(Problem problem, OptimizerState last) {
    Moments m = last.method(Moments.class);
    if (m == null || m.average() == null || last.iteration() == 0) {
      return last;
    }
    double[] average = Vectors.scale(1 / (1 - StrictMath.pow(AVERAGE_BETA, last.iteration())),
        m.average());
    Evaluation e = problem.evaluate(average);
    return e.value() < last.value() ? new OptimizerState(last.iteration(), e, m) : last;
  }

  /** Adam's move and the moments it came from. */
  private record AdamMove(double[] move, double[] firstMoment, double[] secondMoment) {}

  /** Adam's bias-corrected m̂ / (√v̂ + ε). */
  private static AdamMove adam(Moments before, double[] g, int t) {
    double[] m = before == null ? null : before.firstMoment();
    double[] v = before == null ? null : before.secondMoment();
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
    return new AdamMove(move, m2, v2);
  }
}
