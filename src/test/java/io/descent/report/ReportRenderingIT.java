package io.descent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html renders in a real browser: headless Chromium takes a screenshot, which must
 * show the plots (many distinct colours where the page is not blank). Skipped where
 * Chromium is not installed ({@code apt-get install -y chromium} on Debian).
 */
class ReportRenderingIT {
  @TempDir Path tmp;

  private static Optional<String> chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void headlessChromiumShowsTheTableAndThePlots() throws IOException, InterruptedException {
    Optional<String> browser = chromium();
    Assumptions.assumeTrue(browser.isPresent(), "chromium is not installed");
    Path html = tmp.resolve("report.html");
    Files.write(html, ReportHtml.render(Map.of("data", "a9a", "rows", 32561, "iterations", 30),
        ReportHtmlTest.history(30), ReportHtmlTest.validation(30)));
    Path png = tmp.resolve("shot.png");
    Process p = new ProcessBuilder(browser.get(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")),
        "--screenshot=" + png, "--window-size=1200,2400", html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    BufferedImage shot = ImageIO.read(png.toFile());
    assertEquals(1200, shot.getWidth());
    assertEquals(2400, shot.getHeight());
    // The first plot sits below the table: its lines and labels make the region non-blank.
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 500; y < 1100; y += 3) {
      for (int x = 0; x < 900; x += 3) {
        colours.add(shot.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, "the plot area looks blank: " + colours.size() + " colours");
  }
}
