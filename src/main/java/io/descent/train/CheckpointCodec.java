package io.descent.train;

import io.descent.optim.Evaluation;
import io.descent.optim.OptimizerState;
import io.descent.report.IterationRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer state and the history that led to it, as checkpoint data: every double goes
 * into the binary vectors (exact bits, NaN included), names and the history into JSON.
 */
final class CheckpointCodec {
  private static final String X = "x";
  private static final String GRADIENT = "gradient";
  private static final String SCALARS = "scalars";
  private static final String STATE_VECTOR = "state:";

  /** What a checkpoint restores. */
  record Restored(OptimizerState state, List<IterationRecord> history, Map<String, Object> meta) {}

  private CheckpointCodec() {}

  static Map<String, double[]> vectors(OptimizerState s) {
    Map<String, double[]> v = new LinkedHashMap<>();
    Evaluation e = s.evaluation();
    v.put(X, e.x());
    v.put(GRADIENT, e.gradient());
    double[] scalars = new double[3 + s.scalars().size()];
    scalars[0] = e.value();
    scalars[1] = e.smoothValue();
    scalars[2] = e.gradientNorm();
    int i = 3;
    for (double d : s.scalars().values()) {
      scalars[i++] = d;
    }
    v.put(SCALARS, scalars);
    for (Map.Entry<String, double[]> e2 : s.vectors().entrySet()) {
      v.put(STATE_VECTOR + e2.getKey(), e2.getValue());
    }
    return v;
  }

  static Map<String, Object> meta(OptimizerState s, String optimizer, List<IterationRecord> history,
      Map<String, Object> config, Map<String, Object> input) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("optimizer", optimizer);
    m.put("scalarNames", new ArrayList<>(s.scalars().keySet()));
    List<Map<String, Object>> h = new ArrayList<>();
    for (IterationRecord r : history) {
      h.add(r.toJson());
    }
    m.put("history", h);
    m.put("config", config);
    m.put("input", input);
    return m;
  }

  @SuppressWarnings("unchecked")
  static Restored restore(int iteration, Map<String, Object> meta, Map<String, double[]> vectors) {
    double[] scalars = vectors.get(SCALARS);
    Evaluation e = new Evaluation(vectors.get(X), scalars[0], scalars[1], vectors.get(GRADIENT),
        scalars[2]);
    Map<String, Double> named = new LinkedHashMap<>();
    List<String> names = (List<String>) meta.get("scalarNames");
    for (int i = 0; i < names.size(); i++) {
      named.put(names.get(i), scalars[3 + i]);
    }
    Map<String, double[]> stateVectors = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> v : vectors.entrySet()) {
      if (v.getKey().startsWith(STATE_VECTOR)) {
        stateVectors.put(v.getKey().substring(STATE_VECTOR.length()), v.getValue());
      }
    }
    List<IterationRecord> history = new ArrayList<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) meta.get("history")) {
      history.add(IterationRecord.fromJson(r));
    }
    return new Restored(new OptimizerState(iteration, e, named, stateVectors), history, meta);
  }
}
