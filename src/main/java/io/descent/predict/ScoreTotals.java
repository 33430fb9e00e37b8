package io.descent.predict;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/**
 * Counts and sums over scored rows, one per partition, added on the driver in partition
 * order (so the sums are the same on every run): rows, loss, correct predictions, and the
 * binary confusion counts (positive = training label 1).
 */
final class ScoreTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  long rows;
  double lossSum;
  long correct;
  long truePositives;
  long falsePositives;
  long falseNegatives;

  static Iterator<ScoreTotals> of(Iterator<ScoredRow> rows) {
    ScoreTotals t = new ScoreTotals();
    while (rows.hasNext()) {
      ScoredRow r = rows.next();
      t.rows++;
      t.lossSum += r.loss();
      if (r.prediction() == r.label()) {
        t.correct++;
      }
      boolean predicted = r.prediction() == 1;
      boolean actual = r.label() == 1;
      t.truePositives += predicted && actual ? 1 : 0;
      t.falsePositives += predicted && !actual ? 1 : 0;
      t.falseNegatives += !predicted && actual ? 1 : 0;
    }
    return List.of(t).iterator();
  }

  static ScoreTotals sum(List<ScoreTotals> partitions) {
    ScoreTotals t = new ScoreTotals();
    for (ScoreTotals p : partitions) {
      t.rows += p.rows;
      t.lossSum += p.lossSum;
      t.correct += p.correct;
      t.truePositives += p.truePositives;
      t.falsePositives += p.falsePositives;
      t.falseNegatives += p.falseNegatives;
    }
    return t;
  }

  double meanLoss() {
    return lossSum / rows;
  }

  double accuracy() {
    return (double) correct / rows;
  }

  /** TP / (TP + FP); 0 when nothing is predicted positive (MLlib's convention). */
  double precision() {
    long predicted = truePositives + falsePositives;
    return predicted == 0 ? 0 : (double) truePositives / predicted;
  }

  double recall() {
    long actual = truePositives + falseNegatives;
    return actual == 0 ? 0 : (double) truePositives / actual;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
