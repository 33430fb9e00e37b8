package io.descent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A LIBSVM file parsed by the test itself, independently of Spark and the data layer. */
public record LibsvmText(List<Double> labels, List<int[]> indices, List<double[]> values) {

  public static LibsvmText read(Path file) {
    List<Double> labels = new ArrayList<>();
    List<int[]> indices = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] t = line.trim().split("\\s+");
        if (t[0].isEmpty()) {
          continue;
        }
        labels.add(Double.parseDouble(t[0]));
        int[] idx = new int[t.length - 1];
        double[] val = new double[t.length - 1];
        for (int k = 1; k < t.length; k++) {
          int colon = t[k].indexOf(':');
          idx[k - 1] = Integer.parseInt(t[k].substring(0, colon)) - 1;
          val[k - 1] = Double.parseDouble(t[k].substring(colon + 1));
        }
        indices.add(idx);
        values.add(val);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LibsvmText(labels, indices, values);
  }

  public int size() {
    return labels.size();
  }

  /** w·x + b summed in index order, as a reference margin. */
  public double margin(int row, double[] w, double b) {
    double dot = 0;
    int[] idx = indices.get(row);
    double[] val = values.get(row);
    for (int k = 0; k < idx.length; k++) {
      dot += val[k] * w[idx[k]];
    }
    return dot + b;
  }

  /**
   * Area under the ROC curve by ranks (Mann–Whitney U, ties sharing their mean rank):
   * positives are the rows whose label is {@code positive}.
   */
  public static double rankAuc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPositive = 0;
    long positives = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double meanRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSumPositive += meanRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
