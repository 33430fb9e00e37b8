package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regularization path on the command line: it starts at λ_max with an all-zero model,
 * every λ's objective is that of a cold fit to the same tolerance, a one-value path is an
 * ordinary fit bit for bit, and the chosen model is an ordinary model directory.
 */
class RegularizationPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private static String heart() {
    return Datasets.sample("heart_scale").toString();
  }

  private static CliRun train(String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--data", heart(), "--loss", "logistic",
        "--partitions", "3"));
    args.addAll(List.of(more));
    CliRun r = CliRun.of(args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.toString());
    return r;
  }

  private static JsonNode path(Path model) throws IOException {
    return JSON.readTree(model.resolve("path.json").toFile());
  }

  @Test
  void aOneValuePathIsAnOrdinaryFit() {
    Path ordinary = tmp.resolve("ordinary");
    Path path = tmp.resolve("path");
    train("--reg", "0.05", "--output", ordinary.toString());
    train("--reg-values", "0.05", "--output", path.toString());
    assertEquals(ModelFiles.weightsText(ordinary), ModelFiles.weightsText(path));
  }

  @Test
  void theLassoPathStartsAllZeroMatchesColdFitsAndChoosesByCrossValidation() throws Exception {
    Path model = tmp.resolve("lasso");
    String[] tight = {"--tol", "1e-12", "--grad-tol", "1e-8", "--max-iter", "500"};
    List<String> args = new ArrayList<>(List.of("--elastic-net", "1", "--reg-path", "5",
        "--reg-min-ratio", "0.01", "--folds", "3", "--output", model.toString()));
    args.addAll(List.of(tight));
    CliRun r = train(args.toArray(new String[0]));
    assertTrue(r.out().contains("4 models per pass"), r.out());
    JsonNode p = path(model);
    JsonNode points = p.get("path");
    assertEquals(5, points.size());
    assertEquals(0, points.get(0).get("nonZeros").asInt(), "λ_max: every coefficient zero");
    assertTrue(points.get(1).get("nonZeros").asInt() > 0, "below λ_max some are not");
    double chosen = p.get("chosenLambda").asDouble();
    boolean found = false;
    double best = Double.POSITIVE_INFINITY;
    for (JsonNode pt : points) {
      assertTrue(pt.get("cvLoss").isNumber() && pt.get("cvLossSe").isNumber(), pt.toString());
      best = Math.min(best, pt.get("cvLoss").asDouble());
      found |= pt.get("lambda").asDouble() == chosen;
    }
    assertTrue(found, "the chosen λ is on the path");
    for (JsonNode pt : points) {
      if (pt.get("lambda").asDouble() == chosen) {
        assertEquals(best, pt.get("cvLoss").asDouble(), "min: the least mean CV loss");
      }
    }
    JsonNode m = ModelFiles.model(model);
    assertEquals(chosen, m.get("training").get("config").get("reg").asDouble());
    // Every λ against a cold fit from zero to the same tolerance.
    for (int i : new int[] {2, 4}) {
      double lambda = points.get(i).get("lambda").asDouble();
      Path cold = tmp.resolve("cold" + i);
      List<String> c = new ArrayList<>(List.of("--elastic-net", "1", "--reg",
          Double.toString(lambda), "--optimizer", "lbfgs", "--output", cold.toString()));
      c.addAll(List.of(tight));
      train(c.toArray(new String[0]));
      double want = ModelFiles.model(cold).get("training").get("objective").asDouble();
      double got = points.get(i).get("objective").asDouble();
      assertEquals(want, got, 1e-7 * Math.abs(want), "λ " + lambda);
    }
    // The chosen model is an ordinary model: evaluate reads it.
    CliRun eval = CliRun.of("evaluate", "--model", model.toString(), "--data", heart());
    assertEquals(0, eval.exitCode(), eval.toString());
  }

  @Test
  void oneSeChoosesALargerLambdaThanMin() throws Exception {
    Path min = tmp.resolve("min");
    Path oneSe = tmp.resolve("onese");
    train("--elastic-net", "1", "--reg-path", "8", "--folds", "3", "--output", min.toString());
    train("--elastic-net", "1", "--reg-path", "8", "--folds", "3", "--select", "one-se",
        "--output", oneSe.toString());
    double a = path(min).get("chosenLambda").asDouble();
    double b = path(oneSe).get("chosenLambda").asDouble();
    assertTrue(b >= a, "one-se " + b + " vs min " + a);
    assertEquals(path(min).get("path"), path(oneSe).get("path"), "the same path either way");
  }

  @Test
  void badPathSettingsExitWithTwo() {
    String out = tmp.resolve("x").toString();
    for (String[] bad : new String[][] {{"--folds", "1"}, {"--reg-path", "3", "--reg-values", "1"},
        {"--reg-values", "1,x"}, {"--folds", "3", "--holdout", "0.2"},
        {"--reg-min-ratio", "2", "--reg-path", "3"}, {"--select", "best", "--folds", "3"}}) {
      List<String> args = new ArrayList<>(List.of("train", "--data", heart(), "--loss",
          "logistic", "--output", out));
      args.addAll(List.of(bad));
      CliRun r = CliRun.of(args.toArray(new String[0]));
      assertEquals(2, r.exitCode(), String.join(" ", bad) + "\n" + r);
    }
    CliRun hinge = CliRun.of("train", "--data", heart(), "--loss", "hinge", "--reg-path", "4",
        "--output", out);
    assertEquals(2, hinge.exitCode(), hinge.toString());
    assertTrue(hinge.err().contains("--reg-values"), hinge.toString());
  }
}
