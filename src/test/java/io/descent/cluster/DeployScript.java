package io.descent.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of deploy/*.sh run as a user runs it, from this checkout, against the Spark
 * "installation" the build assembles (target/spark-home with src/test/scripts/spark-submit as
 * its bin/spark-submit) and the application jar: only the documented environment variables
 * differ from a real machine's.
 */
final class DeployScript {
  private final Map<String, String> env = new HashMap<>();

  DeployScript(SparkHome spark, Path sparkConfDir) {
    env.put("SPARK_HOME", spark.jars().getParent().toString());
    env.put("SPARK_SUBMIT", SparkHome.script("spark-submit").toString());
    env.put("SPARK_CONF_DIR", sparkConfDir.toString());
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("JAVA_HOME", SparkHome.javaHome().toString());
    env.put("DESCENT_JAR", spark.appJar().toString());
  }

  DeployScript with(String variable, String value) {
    env.put(variable, value);
    return this;
  }

  /** Starts {@code deploy/<script> args...}; its output (and its children's) goes to {@code log}. */
  LoggedProcess start(String name, Path log, String script, List<String> args) {
    return start(name, log, script, args, Map.of());
  }

  /** The same, with more (or other) environment variables for this run only. */
  LoggedProcess start(String name, Path log, String script, List<String> args,
      Map<String, String> more) {
    List<String> command = new ArrayList<>(List.of("bash",
        Path.of("deploy", script).toAbsolutePath().toString()));
    command.addAll(args);
    Map<String, String> all = new HashMap<>(env);
    all.put("DESCENT_NAME", name);
    all.putAll(more);
    return LoggedProcess.start(name, command, all, log);
  }
}
