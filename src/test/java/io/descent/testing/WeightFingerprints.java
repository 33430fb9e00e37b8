package io.descent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Trains a fixed matrix of runs through the command line in one Spark session and prints,
 * per run, a SHA-256 of the model's weights and intercept (and the objective, iterations), and
 * one of the held-out scores when the run has a holdout.
 * {@code .ci/bit-identity.sh} runs it on two revisions and compares: a refactoring that
 * claims "behaviour unchanged bit for bit" must print the same lines. Uses only the CLI and
 * model.json, so it compiles against any revision.
 */
public final class WeightFingerprints {
  private WeightFingerprints() {}

  public static void main(String[] args) throws Exception {
    String shared = System.getProperty("descent.shared.datasets", "../shared/datasets");
    String a9a = shared + "/a9a";
    String reuters = shared + "/reuters_lasvm";
    String iris = shared + "/iris.csv";
    String letter = shared + "/letter.scale";
    String diabetes = shared + "/diabetes.csv";
    String breast = shared + "/breast_cancer.csv";
    List<String[]> runs = new ArrayList<>();
    String[] optimizers = {"gd", "armijo", "normalized", "nesterov", "lbfgs", "sgd", "adam"};
    for (String opt : optimizers) {
      for (String intercept : new String[] {"true", "false"}) {
        runs.add(run(a9a, "logistic", opt, "--intercept", intercept, "--reg", "1e-4"));
      }
      runs.add(run(iris, "softmax", opt, "--reg", "1e-3"));
      runs.add(run(diabetes, "squared", opt, "--reg", "1e-2"));
      runs.add(run(reuters, "hinge", opt, "--reg", "1e-4"));
    }
    runs.add(run(a9a, "logistic", "lbfgs", "--reg", "1e-3", "--elastic-net", "0.5"));
    runs.add(run(reuters, "logistic", "lbfgs", "--reg", "1e-3", "--elastic-net", "1"));
    runs.add(run(a9a, "logistic", "nesterov", "--reg", "1e-3", "--elastic-net", "1"));
    runs.add(run(a9a, "logistic", "armijo", "--reg", "1e-3", "--elastic-net", "0.3"));
    runs.add(run(a9a, "logistic", "newton", "--reg", "1e-4"));
    runs.add(run(a9a, "logistic", "newton", "--reg", "1e-4", "--intercept", "false"));
    runs.add(run(diabetes, "squared", "newton", "--reg", "1e-2"));
    runs.add(run(breast, "logistic", "newton", "--reg", "1e-3", "--holdout", "0.2"));
    runs.add(run(letter, "softmax", "lbfgs", "--reg", "1e-4"));
    runs.add(run(letter, "softmax", "adam", "--reg", "1e-4", "--batch-fraction", "0.05"));
    runs.add(run(a9a, "logistic", "sgd", "--momentum", "0.9", "--step-schedule", "invsqrt"));
    runs.add(run(a9a, "logistic", "lbfgs", "--feature-precision", "float", "--holdout", "0.1"));
    runs.add(run(breast, "hinge", "armijo", "--feature-precision", "float"));
    runs.add(run(a9a, "logistic", "gd", "--aggregation-depth", "3", "--partitions", "7"));
    runs.add(run(diabetes, "squared", "lbfgs", "--reg", "1e-2", "--holdout", "0.2"));
    runs.add(run(iris, "softmax", "armijo", "--reg", "1e-3", "--holdout", "0.3"));
    runs.add(run(reuters, "hinge", "gd", "--reg", "1e-4", "--holdout", "0.1"));

    Path work = Files.createTempDirectory("fingerprints");
    ObjectMapper json = new ObjectMapper();
    var spark = SharedSpark.session();
    int i = 0;
    for (String[] r : runs) {
      Path out = work.resolve("m" + i++);
      List<String> args1 = new ArrayList<>(List.of("train", "--output", out.toString(),
          "--max-iter", "12", "--partitions", "4", "--tol", "0", "--grad-tol", "0"));
      args1.addAll(List.of(r));
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      int code = Main.execute(args1.toArray(new String[0]), new PrintStream(sink), new PrintStream(sink), spark);
      String label = String.join(" ", r).replace(shared + "/", "");
      if (code != 0) {
        System.out.println(label + "  exit " + code);
        continue;
      }
      JsonNode m = json.readTree(out.resolve("model.json").toFile());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(m.get("weights").toString().getBytes(StandardCharsets.UTF_8));
      sha.update(String.valueOf(m.get("intercept")).getBytes(StandardCharsets.UTF_8));
      JsonNode t = m.get("training");
      // The held-out scores of every iteration, when there is a holdout: their digits too.
      JsonNode validation = json.readTree(out.resolve("metrics.json").toFile()).get("validation");
      String scores = "";
      if (validation != null) {
        MessageDigest v = MessageDigest.getInstance("SHA-256");
        v.update(validation.toString().getBytes(StandardCharsets.UTF_8));
        scores = "  validation " + HexFormat.of().formatHex(v.digest()).substring(0, 16);
      }
      System.out.println(label + "  " + HexFormat.of().formatHex(sha.digest()).substring(0, 16)
          + "  objective " + t.get("objective") + "  iterations " + t.get("iterations") + scores);
    }
    System.exit(0);
  }

  private static String[] run(String data, String loss, String optimizer, String... more) {
    List<String> a = new ArrayList<>(List.of("--data", data, "--loss", loss, "--optimizer", optimizer));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }
}
