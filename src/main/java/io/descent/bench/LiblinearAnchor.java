package io.descent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * LIBLINEAR's {@code train -s 0} (L2-regularized logistic regression by its own trust-region
 * Newton) as a single-machine anchor: one whole process — reading the text file included —
 * timed from start to exit, and its weights read back from the model file so that the caller
 * can score them with Descent's F. LIBLINEAR minimizes ½‖w‖² + C Σ log(1 + e^{−y w·x}), which
 * is n·C times our F = (1/n) Σ ℓ + (λ/2)‖w‖² when C = 1/(λn).
 */
final class LiblinearAnchor {
  /** One run: wall seconds, outer iterations, CG products, the weights for the label +1. */
  record Run(double seconds, int iterations, int cgProducts, double[] weights, double eps) {}

  private final Path home;

  LiblinearAnchor(Path home) {
    this.home = home;
  }

  /** The train binary, or null with the reason printed when it is missing. */
  static LiblinearAnchor find(String dir) {
    if (dir == null || dir.isEmpty()) {
      System.out.println("LIBLINEAR: no directory given; skipped");
      return null;
    }
    Path home = Path.of(dir);
    if (!Files.isExecutable(home.resolve("liblinear-train"))) {
      System.out.println("LIBLINEAR: " + home.resolve("liblinear-train")
          + " is missing or not executable; skipped");
      return null;
    }
    return new LiblinearAnchor(home);
  }

  /**
   * Trains on {@code file} (LIBSVM, labels −1/+1 or two values of which the larger is +1) with
   * C = 1/(λn), no bias, stopping tolerance {@code eps}; weights of dimension {@code d}.
   */
  Run train(Path file, double lambda, long n, double eps, int d, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path model = workDir.resolve(file.getFileName() + ".liblinear-model");
      Path log = workDir.resolve(file.getFileName() + ".liblinear-log");
      double c = 1.0 / (lambda * n);
      ProcessBuilder pb = new ProcessBuilder(home.resolve("liblinear-train").toString(), "-s", "0",
          "-c", String.format(Locale.ROOT, "%.17g", c), "-B", "-1", "-e",
          String.format(Locale.ROOT, "%g", eps), file.toString(), model.toString());
      pb.environment().put("LD_LIBRARY_PATH", home.toString());
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      long started = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("liblinear-train did not finish in 30 minutes");
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (p.exitValue() != 0) {
        throw new IllegalStateException("liblinear-train exited with " + p.exitValue() + ": "
            + Files.readString(log));
      }
      int iterations = 0;
      int cg = 0;
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.startsWith("iter")) {
          iterations++;
          String[] t = line.trim().split("\\s+");
          cg += Integer.parseInt(t[t.length - 1]);
        }
      }
      return new Run(seconds, iterations, cg, weights(model, d), eps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The weights of a binary model, oriented for the larger label: LIBLINEAR's w scores its
   * first label (the first one in the file), so a model whose first label is the smaller is
   * negated. Features beyond the model's nr_feature are 0.
   */
  static double[] weights(Path model, int d) throws IOException {
    List<String> lines = Files.readAllLines(model, StandardCharsets.US_ASCII);
    double sign = 1;
    int nrFeature = -1;
    int k = 0;
    for (; k < lines.size(); k++) {
      String line = lines.get(k).trim();
      if (line.startsWith("nr_class") && !line.endsWith(" 2")) {
        throw new IllegalStateException("not a binary model: " + line);
      } else if (line.startsWith("label")) {
        String[] t = line.split("\\s+");
        sign = Double.parseDouble(t[1]) > Double.parseDouble(t[2]) ? 1 : -1;
      } else if (line.startsWith("nr_feature")) {
        nrFeature = Integer.parseInt(line.split("\\s+")[1]);
      } else if (line.equals("w")) {
        k++;
        break;
      }
    }
    if (nrFeature < 0 || nrFeature > d) {
      throw new IllegalStateException("model has nr_feature " + nrFeature + ", expected ≤ " + d);
    }
    double[] w = new double[d];
    for (int j = 0; j < nrFeature; j++) {
      w[j] = sign * Double.parseDouble(lines.get(k + j).trim());
    }
    return w;
  }
}
