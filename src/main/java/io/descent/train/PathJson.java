package io.descent.train;

import io.descent.config.PathSettings;
import io.descent.report.Json;
import io.descent.report.PathPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * path.json, written beside the chosen model: every λ's point of the path and the chosen λ —
 * {@code {"path": [{"lambda", "cvLoss", "cvLossSe", "metric", "objective", "nonZeros",
 * "iterations", "passes", …}, …], "chosenLambda", …}}.
 */
final class PathJson {
  static final String FILE = "path.json";

  private PathJson() {}

  static byte[] render(PathRun.Result path, PathSettings settings) {
    Map<String, Object> doc = summary(path, settings);
    List<Object> points = new ArrayList<>();
    for (PathPoint p : path.points()) {
      points.add(p.toJson());
    }
    doc.put("path", points);
    return Json.write(doc);
  }

  /** The path's headline, also in model.json's training section. */
  static Map<String, Object> summary(PathRun.Result path, PathSettings settings) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("chosenLambda", path.lambdas()[path.chosen()]);
    s.put("chosenIndex", path.chosen());
    s.put("chosenBy", path.chosenBy());
    s.put("select", settings.select());
    s.put("folds", settings.folds());
    s.put("lambdas", path.lambdas().length);
    return s;
  }
}
