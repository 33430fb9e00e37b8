package io.descent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** report.html is one self-contained page whose every plot is an embedded, decodable PNG. */
class ReportHtmlTest {
  private static final Pattern IMAGE = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  static List<IterationRecord> history(int n) {
    List<IterationRecord> h = new ArrayList<>();
    h.add(IterationRecord.start(1.0, 0.5, 1, 0.01));
    double f = 1.0;
    for (int i = 1; i <= n; i++) {
      double next = 0.3 + 0.7 * Math.pow(0.7, i);
      h.add(new IterationRecord(i, next, 0.5 * Math.pow(0.7, i), 0.5, 0.5 * 0.25 * Math.pow(0.49, i),
          f - next, 1, 0.02));
      f = next;
    }
    return h;
  }

  static List<ValidationRecord> validation(int n) {
    List<ValidationRecord> v = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      v.add(new ValidationRecord(i, 0.35 + 0.7 * Math.pow(0.7, i), "accuracy", 0.9 - 0.3 * Math.pow(0.7, i)));
    }
    return v;
  }

  static List<BufferedImage> images(String html) throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    Matcher m = IMAGE.matcher(html);
    while (m.find()) {
      images.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
    }
    return images;
  }

  @Test
  void everyPlotIsAnEmbeddedPngWithAHoldoutAddingTwo() throws IOException {
    Map<String, Object> summary = Map.of("data", "a<b>.libsvm", "rows", 100, "iterations", 12,
        "stopReason", "converged", "seconds", 3.5, "optimizer", "armijo");
    String withHoldout = new String(ReportHtml.render(summary, history(12), validation(12)),
        StandardCharsets.UTF_8);
    String without = new String(ReportHtml.render(summary, history(12), List.of()),
        StandardCharsets.UTF_8);
    List<BufferedImage> plots = images(withHoldout);
    assertEquals(7, plots.size());
    assertEquals(5, images(without).size());
    for (BufferedImage png : plots) {
      assertTrue(png.getWidth() > 0 && png.getHeight() > 0);
    }
    assertEquals(withHoldout.split("<img").length - 1, plots.size(), "no image is anything but a data URI");
    assertFalse(withHoldout.contains("http://") || withHoldout.contains("https://")
        || withHoldout.contains("<script"), "self-contained");
    assertTrue(withHoldout.contains("a&lt;b&gt;.libsvm"), "escaped");
    assertTrue(withHoldout.contains("final validation accuracy"));
    assertTrue(withHoldout.contains("s per iteration"));
  }

  @Test
  void aRunThatStoppedAtTheStartStillHasEveryPlot() throws IOException {
    String html = new String(ReportHtml.render(Map.of(), history(0), List.of()), StandardCharsets.UTF_8);
    assertEquals(5, images(html).size());
  }

  @Test
  void theProgressBarShowsTheShareDoneAndAnEta() {
    assertEquals("[###############...............] 50/100 iterations  elapsed 0:50  ETA 0:50",
        ProgressBar.render(50, 50, 100, 50));
    assertEquals("[##############################] 100/100 iterations  elapsed 1:40:00  ETA --:--",
        ProgressBar.render(100, 100, 100, 6000));
    assertTrue(ProgressBar.render(60, 10, 100, 20).endsWith("ETA 1:20"), "rate of this process only");
  }
}
