package io.descent.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spark-submit --class io.descent.cli.Main descent-*-app.jar ...} in client deploy
 * mode, as the spark-submit script runs it: this JVM is the driver, so killing it kills the
 * driver, and its exit code is Descent's.
 */
final class AppSubmission {
  private AppSubmission() {}

  static LoggedProcess start(SparkHome spark, String masterUrl, String name, Path log,
      List<String> appArgs) {
    List<String> args = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client",
        "--name", name, "--class", "io.descent.cli.Main",
        "--conf", "spark.executor.memory=512m",
        "--conf", "spark.ui.enabled=false"));
    String extra = SparkHome.extraJavaOptions();
    if (!extra.isEmpty()) {
      args.addAll(List.of("--conf", "spark.executor.extraJavaOptions=" + extra));
    }
    args.add(spark.appJar().toString());
    args.addAll(appArgs);
    return LoggedProcess.start(name,
        spark.java("1g", "org.apache.spark.deploy.SparkSubmit", args), spark.environment(), log);
  }
}
