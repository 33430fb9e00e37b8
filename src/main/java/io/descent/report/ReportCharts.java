package io.descent.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart into PNGs. Log-scale plots leave out values that are
 * not positive (a log axis cannot show them): the objective gap is 0 at the best iteration,
 * and a step that increased the objective has a negative actual decrease.
 */
public final class ReportCharts {
  static {
    // Servers have no display; AWT must not look for one.
    System.setProperty("java.awt.headless", "true");
  }

  private static final int WIDTH = 760;
  private static final int HEIGHT = 380;

  private ReportCharts() {}

  public static List<Plot> plots(List<IterationRecord> history, List<ValidationRecord> validation) {
    List<Plot> plots = new ArrayList<>();
    plots.add(plot("Objective", "F(w) after each iteration (0 = start).", "objective", false,
        series("objective", history, IterationRecord::objective)));
    double best = history.stream().mapToDouble(IterationRecord::objective)
        .filter(Double::isFinite).min().orElse(Double.NaN);
    plots.add(plot("Objective gap", "F − F_best, with F_best the lowest objective of the run"
        + " (log scale; the best iteration itself, at gap 0, is not shown).", "F − F_best", true,
        series("gap", history, r -> r.objective() - best)));
    plots.add(plot("Gradient norm", "‖∇F‖ (the minimal subgradient's norm with L1), log scale.",
        "‖∇F‖", true, series("gradient norm", history, IterationRecord::gradientNorm)));
    List<IterationRecord> steps = history.subList(Math.min(1, history.size()), history.size());
    Series stepSeries = series("step", steps, IterationRecord::step);
    boolean wide = spansDecades(stepSeries);
    plots.add(plot("Step size", "The step η taken at each iteration" + (wide ? ", log scale." : "."),
        "η", wide, stepSeries));
    plots.add(plot("Predicted versus actual decrease",
        "Predicted η‖∇F‖² (first-order model) and actual F(w) − F(w⁺) per step, log scale;"
            + " steps whose objective rose are left out.", "decrease", true,
        series("predicted", steps, IterationRecord::predictedDecrease),
        series("actual", steps, IterationRecord::actualDecrease)));
    if (!validation.isEmpty()) {
      String metric = validation.get(0).metricName();
      plots.add(plot("Validation " + metric, "The held-out rows' " + metric
          + " after each iteration.", metric,
          false, validationSeries(metric, validation, ValidationRecord::metric)));
      plots.add(plot("Validation objective", "Mean loss on the held-out rows (no penalty)"
          + " next to the training objective (with the penalty).", "objective", false,
          validationSeries("validation", validation, ValidationRecord::objective),
          series("training", history, IterationRecord::objective)));
    }
    return plots;
  }

  /** x: iteration, y: value; for log plots only positive finite values. */
  private record Series(String name, double[] x, double[] y) {}

  private static Series series(String name, List<IterationRecord> records,
      ToDoubleFunction<IterationRecord> value) {
    return series(name, records, IterationRecord::iteration, value);
  }

  private static Series validationSeries(String name, List<ValidationRecord> records,
      ToDoubleFunction<ValidationRecord> value) {
    return series(name, records, ValidationRecord::iteration, value);
  }

  private static <T> Series series(String name, List<T> records, ToIntFunction<T> iteration,
      ToDoubleFunction<T> value) {
    double[] x = new double[records.size()];
    double[] y = new double[records.size()];
    for (int i = 0; i < records.size(); i++) {
      x[i] = iteration.applyAsInt(records.get(i));
      y[i] = value.applyAsDouble(records.get(i));
    }
    return new Series(name, x, y);
  }

  private static Plot plot(String title, String caption, String yTitle, boolean log,
      Series... series) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("iteration").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(series.length > 1);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisLogarithmic(log);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    boolean any = false;
    for (Series s : series) {
      double[][] kept = kept(s, log);
      if (kept[0].length == 0) {
        continue;
      }
      XYSeries xy = chart.addSeries(s.name(), kept[0], kept[1]);
      xy.setMarker(kept[0].length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
      any = true;
    }
    if (!any) {
      // XChart refuses an empty chart; an empty series keeps the axes and the title.
      chart.getStyler().setYAxisLogarithmic(false);
      chart.addSeries("no data", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    }
    try {
      return new Plot(title, caption, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the positive values span more than a factor of 10 (a log axis then has labels). */
  private static boolean spansDecades(Series s) {
    double[] y = kept(s, true)[1];
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double v : y) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return y.length > 0 && max / min > 10;
  }

  private static double[][] kept(Series s, boolean log) {
    int n = 0;
    double[] x = new double[s.x().length];
    double[] y = new double[s.y().length];
    for (int i = 0; i < x.length; i++) {
      double v = s.y()[i];
      if (Double.isFinite(v) && (!log || v > 0)) {
        x[n] = s.x()[i];
        y[n] = v;
        n++;
      }
    }
    return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
  }
}
