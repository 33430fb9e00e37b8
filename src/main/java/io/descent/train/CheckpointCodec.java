package io.descent.train;

import io.descent.optim.Evaluation;
import io.descent.optim.MethodState;
import io.descent.optim.NamedVectors;
import io.descent.optim.Optimizer;
import io.descent.optim.OptimizerState;
import io.descent.report.IterationRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer state as checkpoint data: every double goes into the binary vectors (exact
 * bits, NaN included) — the iterate, its gradient, the evaluation's three numbers and the
 * method's own vectors under "method:" — and the names into JSON. The history travels
 * beside it as rows that the store appends ({@link #rows}).
 */
final class CheckpointCodec {
  private static final String X = "x";
  private static final String GRADIENT = "gradient";
  /** value, smooth value, gradient norm. */
  private static final String EVALUATION = "evaluation";
  private static final String METHOD = "method:";
  private static final String OPTIMIZER = "optimizer";

  /** What a checkpoint restores. */
  record Restored(OptimizerState state, List<IterationRecord> history, Map<String, Object> meta) {}

  private CheckpointCodec() {}

  static Map<String, double[]> vectors(OptimizerState s) {
    Map<String, double[]> v = new LinkedHashMap<>();
    Evaluation e = s.evaluation();
    v.put(X, e.x());
    v.put(GRADIENT, e.gradient());
    v.put(EVALUATION, new double[] {e.value(), e.smoothValue(), e.gradientNorm()});
    if (s.method() != null) {
      for (Map.Entry<String, double[]> m : s.method().encode().asMap().entrySet()) {
        v.put(METHOD + m.getKey(), m.getValue());
      }
    }
    return v;
  }

  static Map<String, Object> meta(String optimizer, Map<String, Object> config,
      Map<String, Object> input) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(OPTIMIZER, optimizer);
    m.put("config", config);
    m.put("input", input);
    return m;
  }

  /** History records as the rows a checkpoint appends. */
  static List<Map<String, Object>> rows(List<IterationRecord> records) {
    List<Map<String, Object>> rows = new ArrayList<>(records.size());
    for (IterationRecord r : records) {
      rows.add(r.toJson());
    }
    return rows;
  }

  /**
   * The state for {@code optimizer} to continue from. A checkpoint of another optimizer
   * (resumed with --resume force) gives the iterate, not that optimizer's memory.
   */
  static Restored restore(Optimizer optimizer, int iteration, Map<String, Object> meta,
      Map<String, double[]> vectors, List<Map<String, Object>> rows) {
    double[] ev = vectors.get(EVALUATION);
    Evaluation e = new Evaluation(vectors.get(X), ev[0], ev[1], vectors.get(GRADIENT), ev[2]);
    NamedVectors saved = new NamedVectors();
    for (Map.Entry<String, double[]> v : vectors.entrySet()) {
      if (v.getKey().startsWith(METHOD)) {
        saved.put(v.getKey().substring(METHOD.length()), v.getValue());
      }
    }
    MethodState method = optimizer.name().equals(meta.get(OPTIMIZER)) && !saved.isEmpty()
        ? optimizer.decodeState(saved) : null;
    List<IterationRecord> history = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      history.add(IterationRecord.fromJson(r));
    }
    return new Restored(new OptimizerState(iteration, e, method), history, meta);
  }
}
