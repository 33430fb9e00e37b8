package io.descent.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A regularization path's plots, glmnet's two: the validation loss against λ with one
 * standard error bars and the chosen λ marked, and each coefficient against λ (the ones
 * largest at the smallest λ, when there are many). λ on a log axis, largest at the left.
 */
public final class PathCharts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** More coefficients than this: only the largest at the smallest λ are drawn. */
  static final int MAX_COEFFICIENTS = 30;

  private PathCharts() {}

  /**
   * @param coefficients per λ (path order), the all-rows model's coefficients (no intercepts)
   */
  public static List<Plot> plots(List<PathPoint> points, double[][] coefficients, int chosen) {
    List<Plot> plots = new ArrayList<>();
    double[] x = new double[points.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = log10Lambda(points.get(i).lambda(), points);
    }
    if (points.stream().anyMatch(p -> Double.isFinite(p.cvLoss()))) {
      XYChart c = chart("Validation loss along the path", "mean validation loss");
      double[] y = points.stream().mapToDouble(PathPoint::cvLoss).toArray();
      double[] se = points.stream()
          .mapToDouble(p -> Double.isFinite(p.cvLossSe()) ? p.cvLossSe() : 0).toArray();
      XYSeries s = c.addSeries("validation loss", x, y, se);
      s.setMarker(SeriesMarkers.CIRCLE);
      c.getStyler().setErrorBarsColor(java.awt.Color.GRAY);
      c.addSeries("chosen λ", new double[] {x[chosen]}, new double[] {y[chosen]})
          .setMarker(SeriesMarkers.DIAMOND);
      plots.add(new Plot("Validation loss along the path", "Mean validation loss (the folds'"
          + " held-out rows) at each λ, with one standard error; the diamond is the chosen λ."
          + " x: log10 λ.", png(c)));
    }
    int d = coefficients.length == 0 ? 0 : coefficients[0].length;
    if (d > 0) {
      double[] last = coefficients[coefficients.length - 1];
      int[] shown = IntStream.range(0, d).boxed()
          .sorted(Comparator.comparingDouble((Integer j) -> -Math.abs(last[j])))
          .limit(MAX_COEFFICIENTS).mapToInt(Integer::intValue).sorted().toArray();
      XYChart c = chart("Coefficient path", "coefficient");
      c.getStyler().setLegendVisible(shown.length <= 12);
      for (int j : shown) {
        double[] y = new double[coefficients.length];
        for (int i = 0; i < y.length; i++) {
          y[i] = coefficients[i][j];
        }
        c.addSeries("w" + j, x, y).setMarker(SeriesMarkers.NONE);
      }
      plots.add(new Plot("Coefficient path", "Each coefficient of the all-rows model against"
          + " log10 λ" + (d > shown.length ? " (the " + shown.length + " of " + d
          + " largest at the smallest λ)" : "") + ".", png(c)));
    }
    return plots;
  }

  /** log10 λ; a λ of 0 sits one decade left of the smallest positive one. */
  private static double log10Lambda(double lambda, List<PathPoint> points) {
    if (lambda > 0) {
      return Math.log10(lambda);
    }
    double smallest = points.stream().mapToDouble(PathPoint::lambda).filter(l -> l > 0).min()
        .orElse(1);
    return Math.log10(smallest) - 1;
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart c = new XYChartBuilder().width(760).height(380).title(title)
        .xAxisTitle("log10 λ").yAxisTitle(yTitle).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    c.getStyler().setPlotGridLinesVisible(true);
    c.getStyler().setXAxisMin(null);
    return c;
  }

  private static byte[] png(XYChart c) {
    try {
      return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
