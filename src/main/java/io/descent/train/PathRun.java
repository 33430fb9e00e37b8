package io.descent.train;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.config.TrainConfig;
import io.descent.data.packing.FoldSplit;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputFingerprint;
import io.descent.engine.LockstepPasses;
import io.descent.engine.PassRunner;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassBatch;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.loss.Regularization;
import io.descent.loss.RowSelection;
import io.descent.optim.Optimizer;
import io.descent.optim.Problem;
import io.descent.optim.StopReason;
import io.descent.optim.StoppingRule;
import io.descent.optim.path.CvCurve;
import io.descent.optim.path.LambdaGrid;
import io.descent.optim.path.LambdaSelection;
import io.descent.optim.path.NullModel;
import io.descent.predict.HoldoutEvaluation;
import io.descent.report.IterationRecord;
import io.descent.report.PathPoint;
import io.descent.report.ValidationRecord;
import io.descent.store.CheckpointStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.apache.hadoop.conf.Configuration;

/**
 * A regularization path, cross-validated: for each λ, largest first, the all-rows model and
 * the K fold models (each trained on every row but its fold's) advance together — each its
 * own optimizer in its own thread, their passes merged by {@link LockstepPasses} into one
 * Spark job per step — warm-started from their solutions at the λ before. Then one job scores
 * every fold model on its held-out fold. The chosen λ's all-rows model is the result.
 *
 * <p>Checkpoints: after each λ, the path's state (the points so far, every model's warm start,
 * the all-rows solutions) in {@code CHECKPOINTS/path}; within a λ, each model's own
 * checkpoints in {@code CHECKPOINTS/path-model-M}, so a killed run resumes at the λ and the
 * iteration it reached. Each model's iterates depend on its own passes only, so a resumed
 * path ends bit-identical.
 */
public final class PathRun {
  /** The path's outcome: every λ's point, the chosen one, and its all-rows model. */
  public record Result(double[] lambdas, List<PathPoint> points, int chosen, String chosenBy,
      double[] params, List<IterationRecord> history, double gradientNorm, long jobs,
      List<double[]> solutions) {}

  private static final String PATH_STORE = "path";
  private static final String MODEL_STORE = "path-model-";

  private final TrainConfig config;
  private final PrintStream log;
  private final StopRequest stop;
  private final Configuration hadoop;
  private final ToDoubleFunction<Regularization> stepFor;

  /**
   * @param config with the optimizer resolved
   * @param stepFor the step size at a λ's regularization (asked only by optimizers that use one)
   */
  PathRun(TrainConfig config, PrintStream log, StopRequest stop, Configuration hadoop,
      ToDoubleFunction<Regularization> stepFor) {
    this.config = config;
    this.log = log;
    this.stop = stop;
    this.hadoop = hadoop;
    this.stepFor = stepFor;
  }

  /**
   * @param folds the folds {@code data} was split into, or null
   * @param holdout held-out rows scoring each λ when there are no folds, or null
   * @param checkpoints the run's checkpoint store (its directory holds the path's), or null
   */
  Result fit(TrainingData data, FoldSplit.Folds folds, TrainingData holdout,
      CheckpointStore checkpoints, Loss loss, ParamLayout layout) {
    PassRunner runner = new PassRunner(data.blocks(), loss, layout,
        config.optimizerOptions().aggregationDepth());
    int k = folds == null ? 0 : folds.count();
    int models = 1 + k;
    RowSelection[] rows = new RowSelection[models];
    double[] weightSums = new double[models];
    rows[0] = RowSelection.ALL;
    weightSums[0] = data.weightSum();
    for (int f = 0; f < k; f++) {
      rows[1 + f] = RowSelection.allBut(f);
      weightSums[1 + f] = folds.trainingWeightSum(f);
    }
    long[] jobs = {0};
    double alpha = config.model().elasticNet();
    double[] start;
    double[] lambdas;
    if (config.path().values() != null) {
      lambdas = LambdaGrid.of(config.path().values());
      // The first λ starts where an ordinary fit starts, so a one-value path is one.
      start = new double[layout.size()];
    } else {
      start = nullModel(runner, data.weightSum(), loss, layout, jobs);
      PassResult atNull = runner.run(PassRequest.gradientAt(start), data.weightSum());
      jobs[0]++;
      double lambdaMax = NullModel.lambdaMax(atNull.gradient(), layout, alpha);
      if (config.path().count() > 0) {
        if (!(lambdaMax > 0)) {
          throw new BadInputException("--reg-path: λ_max is " + lambdaMax + ": no feature is"
              + " correlated with the labels (every gradient coordinate is zero at the"
              + " intercept-only model), so there is no path; give --reg-values.");
        }
        lambdas = LambdaGrid.logSpaced(lambdaMax, config.path().ratioFor(data.numRows(),
            layout.coefficientCount()), config.path().count());
      } else {
        lambdas = new double[] {config.model().reg()};
      }
      log.printf("path: λ_max = %.6g (α = %s), %d values down to %.6g%n", lambdaMax, alpha,
          lambdas.length, lambdas[lambdas.length - 1]);
    }
    if (k > 0) {
      log.printf("cross-validation: %d folds of %s rows (seed %d); %d models per pass%n", k,
          java.util.Arrays.toString(folds.rows()), config.solver().seed(), models);
    }

    PathState state = PathState.fresh(models, start);
    CheckpointStore pathStore = null;
    CheckpointStore[] modelStores = new CheckpointStore[models];
    if (checkpoints != null) {
      pathStore = store(PATH_STORE);
      for (int m = 0; m < models; m++) {
        modelStores[m] = store(MODEL_STORE + m);
      }
      if ("never".equals(config.run().resume())) {
        pathStore.clear();
        for (CheckpointStore s : modelStores) {
          s.clear();
        }
      } else {
        state = resumePath(pathStore, data.fingerprint(), models, start);
      }
    }

    HoldoutEvaluation holdoutScore =
        holdout == null ? null : new HoldoutEvaluation(holdout, loss, layout);
    ExecutorService pool = Executors.newFixedThreadPool(models, r -> {
      Thread t = new Thread(r, "descent-path-model");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int i = state.points.size(); i < lambdas.length; i++) {
        double lambda = lambdas[i];
        TrainConfig at = config.withReg(lambda);
        Regularization reg = new Regularization(lambda, alpha, layout);
        LockstepPasses lockstep = LockstepPasses.over(runner);
        List<Callable<TrainingLoop.Outcome>> tasks = new ArrayList<>();
        for (int m = 0; m < models; m++) {
          tasks.add(modelTask(lockstep.member(rows[m], weightSums[m]), at, reg, m,
              state.warm[m], modelStores[m], data.fingerprint()));
        }
        TrainingLoop.Outcome[] outcomes = runAll(pool, tasks);
        jobs[0] += lockstep.jobs();
        for (TrainingLoop.Outcome o : outcomes) {
          if (o.stopReason() == StopReason.SIGNALLED) {
            throw new SignalledException(i);
          }
        }
        PathPoint point = score(lambda, outcomes, folds, runner, holdoutScore, loss, jobs);
        log.println(line(i, lambdas.length, point));
        for (int m = 0; m < models; m++) {
          state.warm[m] = outcomes[m].state().x();
        }
        state.solutions.add(outcomes[0].state().x());
        state.points.add(point);
        state.histories.add(List.copyOf(outcomes[0].history()));
        state.gradientNorms.add(outcomes[0].state().evaluation().gradientNorm());
        if (pathStore != null) {
          pathStore.save(state.points.size(), state.meta(config.fingerprint(),
              data.fingerprint().toJson()), state.vectors());
          for (CheckpointStore s : modelStores) {
            s.clear();
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    int chosen;
    String chosenBy;
    if (folds == null && holdout == null) {
      chosen = lambdas.length - 1;
      chosenBy = "the smallest λ (no --folds or --holdout to validate with)";
    } else {
      CvCurve[] curves = new CvCurve[state.points.size()];
      for (int i = 0; i < curves.length; i++) {
        curves[i] = new CvCurve(state.points.get(i).cvLoss(), state.points.get(i).cvLossSe());
      }
      LambdaSelection rule = LambdaSelection.named(config.path().select());
      chosen = rule.choose(curves);
      chosenBy = (rule == LambdaSelection.MIN ? "the least mean " : "the one-standard-error rule on the mean ")
          + (folds != null ? k + "-fold cross-validated" : "held-out") + " loss";
    }
    log.printf("chosen: λ = %.6g (%d of %d), by %s%n", lambdas[chosen], chosen + 1,
        lambdas.length, chosenBy);
    return new Result(lambdas, List.copyOf(state.points), chosen, chosenBy,
        state.solutions.get(chosen), state.histories.get(chosen),
        state.gradientNorms.get(chosen), jobs[0], List.copyOf(state.solutions));
  }

  /** Every coefficient zero, the intercepts optimal: two passes (the labels' means, then λ_max's gradient). */
  private static double[] nullModel(PassRunner runner, double weightSum, Loss loss,
      ParamLayout layout, long[] jobs) {
    double[] zero = new double[layout.size()];
    if (!layout.hasIntercept()) {
      return zero;
    }
    double[] g = runner.run(PassRequest.gradientAt(zero), weightSum).gradient();
    jobs[0]++;
    double[] interceptGradient = new double[layout.numOutputs()];
    for (int c = 0; c < interceptGradient.length; c++) {
      interceptGradient[c] = g[layout.interceptIndex(c)];
    }
    return NullModel.params(loss.kind(), layout, interceptGradient);
  }

  private CheckpointStore store(String name) {
    return new CheckpointStore(hadoop, config.run().checkpointDir() + "/" + name,
        config.run().keepCheckpoints(), log::println);
  }

  /** One model's fit at one λ, resumed from its own checkpoint when that belongs here. */
  private Callable<TrainingLoop.Outcome> modelTask(LockstepPasses.Member member, TrainConfig at,
      Regularization reg, int m, double[] warm, CheckpointStore store, InputFingerprint input) {
    Problem problem = new Problem(member, reg);
    double[] step = {Double.NaN};
    Optimizer optimizer = Optimizers.create(at, () -> {
      synchronized (step) {
        if (Double.isNaN(step[0])) {
          step[0] = stepFor.applyAsDouble(reg);
        }
        return step[0];
      }
    });
    Map<String, Object> fingerprint = new LinkedHashMap<>(at.fingerprint());
    fingerprint.put("pathModel", m);
    Optional<CheckpointCodec.Restored> resumed =
        store == null ? Optional.empty() : resumeModel(store, fingerprint, input, optimizer);
    List<Consumer<TrainingLoop.Progress>> listeners = new ArrayList<>();
    if (store != null) {
      listeners.add(new PeriodicCheckpoints(store, config.run().checkpointEvery(), optimizer,
          fingerprint, input.toJson(), resumed.map(r -> r.history().size()).orElse(0)));
    }
    TrainingLoop loop = new TrainingLoop(problem, optimizer,
        new StoppingRule(config.run().maxIter(), config.solver().tol(), config.solver().gradTol()),
        listeners, stop);
    return () -> {
      try (member) {
        return resumed.isPresent()
            ? loop.continueFrom(resumed.get().state(), resumed.get().history())
            : loop.run(warm);
      }
    };
  }

  /** The model's newest checkpoint, if it is of this λ and this input; else none (cleared). */
  @SuppressWarnings("unchecked")
  private Optional<CheckpointCodec.Restored> resumeModel(CheckpointStore store,
      Map<String, Object> fingerprint, InputFingerprint input, Optimizer optimizer) {
    Optional<CheckpointStore.Stored> found = store.latestValid();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CheckpointStore.Stored c = found.get();
    if (Resume.difference(c.meta(), fingerprint, input) != null) {
      store.clear();
      return Optional.empty();
    }
    log.printf("resuming model %s of this λ at iteration %d%n", fingerprint.get("pathModel"),
        c.iteration());
    return Optional.of(CheckpointCodec.restore(optimizer, c.iteration(), c.meta(), c.vectors(),
        c.rows()));
  }

  @SuppressWarnings("unchecked")
  private PathState resumePath(CheckpointStore store, InputFingerprint input, int models,
      double[] start) {
    Optional<CheckpointStore.Stored> found = store.latestValid();
    if (found.isEmpty()) {
      return PathState.fresh(models, start);
    }
    CheckpointStore.Stored c = found.get();
    String difference = Resume.difference(c.meta(), config.fingerprint(), input);
    if (difference != null) {
      String where = "The path checkpoint in " + config.run().checkpointDir()
          + " belongs to another run: " + difference;
      if (!"force".equals(config.run().resume())) {
        throw new BadInputException(where + " Use a new --checkpoint-dir, --resume never to "
            + "start over, or --resume force to continue anyway.");
      }
      log.println("warning: " + where + " Continuing (--resume force).");
    }
    PathState s = PathState.restore(c.meta(), c.vectors(), models);
    log.printf("resuming the path after λ %d (%d models)%n", s.points.size(), models);
    return s;
  }

  private static TrainingLoop.Outcome[] runAll(ExecutorService pool,
      List<Callable<TrainingLoop.Outcome>> tasks) {
    List<Future<TrainingLoop.Outcome>> futures = new ArrayList<>();
    for (Callable<TrainingLoop.Outcome> t : tasks) {
      futures.add(pool.submit(t));
    }
    TrainingLoop.Outcome[] out = new TrainingLoop.Outcome[tasks.size()];
    RuntimeException first = null;
    for (int m = 0; m < out.length; m++) {
      try {
        out[m] = futures.get(m).get();
      } catch (ExecutionException e) {
        RuntimeException r = e.getCause() instanceof RuntimeException re ? re
            : new DescentException(1, "model " + m + " of the path failed: " + e.getCause(),
                e.getCause());
        first = first == null ? r : first;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the path's models trained", e);
      }
    }
    if (first != null) {
      throw first;
    }
    return out;
  }

  /** The λ's point: the fold models scored on their folds in one job (or the holdout). */
  private PathPoint score(double lambda, TrainingLoop.Outcome[] outcomes, FoldSplit.Folds folds,
      PassRunner runner, HoldoutEvaluation holdout, Loss loss, long[] jobs) {
    TrainingLoop.Outcome all = outcomes[0];
    long passes = 0;
    for (IterationRecord r : all.history()) {
      passes += r.passes();
    }
    double[] x = all.state().x();
    String metricName = loss.kind().holdoutMetric().metricName();
    double cvLoss = Double.NaN;
    double cvLossSe = Double.NaN;
    double metric = Double.NaN;
    double metricSe = Double.NaN;
    if (folds != null) {
      int k = folds.count();
      List<PassBatch.Member> members = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        members.add(new PassBatch.Member(PassRequest.scoreAt(outcomes[1 + f].state().x()),
            RowSelection.only(f)));
      }
      double[] unused = new double[k];
      java.util.Arrays.fill(unused, 1.0);
      PassResult[] scores = runner.run(new PassBatch(members), unused);
      jobs[0]++;
      double[] losses = new double[k];
      double[] metrics = new double[k];
      for (int f = 0; f < k; f++) {
        losses[f] = scores[f].score().loss();
        metrics[f] = scores[f].score().metric();
      }
      CvCurve l = CvCurve.of(losses, folds.weightSums());
      CvCurve mt = CvCurve.of(metrics, folds.weightSums());
      cvLoss = l.mean();
      cvLossSe = l.standardError();
      metric = mt.mean();
      metricSe = mt.standardError();
    } else if (holdout != null) {
      ValidationRecord v = holdout.evaluate(all.state().iteration(), x);
      jobs[0]++;
      cvLoss = v.objective();
      metric = v.metric();
    }
    return new PathPoint(lambda, cvLoss, cvLossSe, metricName, metric, metricSe,
        all.state().value(), nonZeros(x, runner.layout()), all.state().iteration(), passes,
        all.stopReason().text());
  }

  /** Coefficients that are not zero (intercepts not counted). */
  static long nonZeros(double[] x, ParamLayout layout) {
    long n = 0;
    for (int c = 0; c < layout.numOutputs(); c++) {
      for (int j = 0; j < layout.numFeatures(); j++) {
        n += x[layout.coefficientIndex(c, j)] != 0 ? 1 : 0;
      }
    }
    return n;
  }

  private static String line(int i, int count, PathPoint p) {
    String validation = Double.isNaN(p.cvLoss()) ? ""
        : String.format("  validation loss %.6g%s  %s %.4g", p.cvLoss(),
            Double.isNaN(p.cvLossSe()) ? "" : String.format(" ± %.2g", p.cvLossSe()),
            p.metricName(), p.metric());
    return String.format("λ %d/%d = %.6g: objective %.10g, %d non-zeros, %d iterations (%s)%s",
        i + 1, count, p.lambda(), p.objective(), p.nonZeros(), p.iterations(), p.stopReason(),
        validation);
  }

  /** A signal stopped the models of λ number {@code index} (from 0). */
  static final class SignalledException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int index;

    SignalledException(int index) {
      super("stopped by a signal at λ " + (index + 1));
      this.index = index;
    }
  }

  /** What the path has reached: the points done, every model's warm start, the solutions. */
  private static final class PathState {
    final double[][] warm;
    final List<PathPoint> points = new ArrayList<>();
    final List<double[]> solutions = new ArrayList<>();
    final List<List<IterationRecord>> histories = new ArrayList<>();
    final List<Double> gradientNorms = new ArrayList<>();

    private PathState(int models) {
      this.warm = new double[models][];
    }

    static PathState fresh(int models, double[] start) {
      PathState s = new PathState(models);
      for (int m = 0; m < models; m++) {
        s.warm[m] = start.clone();
      }
      return s;
    }

    Map<String, Object> meta(Map<String, Object> config, Map<String, Object> input) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("config", config);
      m.put("input", input);
      List<Object> done = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        Map<String, Object> p = new LinkedHashMap<>(points.get(i).toJson());
        p.put("gradientNorm", gradientNorms.get(i));
        p.put("history", CheckpointCodec.rows(histories.get(i)));
        done.add(p);
      }
      m.put("points", done);
      return m;
    }

    Map<String, double[]> vectors() {
      Map<String, double[]> v = new LinkedHashMap<>();
      for (int m = 0; m < warm.length; m++) {
        v.put("warm" + m, warm[m]);
      }
      for (int i = 0; i < solutions.size(); i++) {
        v.put("solution" + i, solutions.get(i));
      }
      return v;
    }

    @SuppressWarnings("unchecked")
    static PathState restore(Map<String, Object> meta, Map<String, double[]> vectors,
        int models) {
      PathState s = new PathState(models);
      for (int m = 0; m < models; m++) {
        s.warm[m] = vectors.get("warm" + m);
      }
      List<Object> done = (List<Object>) meta.get("points");
      for (int i = 0; i < done.size(); i++) {
        Map<String, Object> p = (Map<String, Object>) done.get(i);
        s.points.add(PathPoint.fromJson(p));
        s.gradientNorms.add(((Number) p.get("gradientNorm")).doubleValue());
        List<IterationRecord> h = new ArrayList<>();
        for (Object r : (List<Object>) p.get("history")) {
          h.add(IterationRecord.fromJson((Map<String, Object>) r));
        }
        s.histories.add(h);
        s.solutions.add(vectors.get("solution" + i));
      }
      return s;
    }
  }
}
