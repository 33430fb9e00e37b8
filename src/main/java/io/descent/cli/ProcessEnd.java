package io.descent.cli;

import io.descent.store.ExitCodeFile;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/**
 * How the JVM of a command ends with its exit code. Usually {@code System.exit(code)}. A
 * driver in a YARN ApplicationMaster (cluster mode) must not exit: the ApplicationMaster runs
 * main in a thread and counts any System.exit, even exit 0, as a failed attempt (and YARN
 * retries it). There main returns on success and throws on failure, and YARN reports FAILED
 * with exit 1 at spark-submit whatever the cause; so when {@value #EXIT_CODE_FILE_VARIABLE}
 * names a file (deploy/submit-yarn.sh sets it in the ApplicationMaster's environment), the
 * code is written there first, for the submitting script to return it.
 */
public final class ProcessEnd {
  /** Environment variable: a Hadoop path (relative: in the user's home directory) for the exit code. */
  public static final String EXIT_CODE_FILE_VARIABLE = "DESCENT_EXIT_CODE_FILE";

  private ProcessEnd() {}

  /** Ends this process (or, in a YARN ApplicationMaster, the driver's thread) with {@code code}. */
  static void exit(int code) {
    record(code, System.getenv(), System.getProperties(), System.err);
    if (insideYarnApplicationMaster(System.getProperties())) {
      if (code != 0) {
        throw new DriverFailed(code);
      }
      return;
    }
    System.exit(code);
  }

  /** Writes the code to the file the environment names, if any; a failure to write is a warning. */
  static void record(int code, Map<String, String> env, Properties props, PrintStream err) {
    String file = env.get(EXIT_CODE_FILE_VARIABLE);
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      new ExitCodeFile(hadoopConfiguration(props)).write(file, code);
    } catch (IOException | RuntimeException e) {
      err.println("descent: warning: could not write exit code " + code + " to " + file + ": " + e);
    }
  }

  /** The ApplicationMaster of YARN cluster mode sets these before it calls main. */
  static boolean insideYarnApplicationMaster(Properties props) {
    return "yarn".equals(props.getProperty("spark.master"))
        && "cluster".equals(props.getProperty("spark.submit.deployMode"))
        && props.getProperty("spark.yarn.app.id") != null;
  }

  /** Hadoop's configuration files plus the spark.hadoop.* settings, as Spark builds its own. */
  static Configuration hadoopConfiguration(Properties props) {
    Configuration conf = new Configuration();
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith("spark.hadoop.")) {
        conf.set(key.substring("spark.hadoop.".length()), props.getProperty(key));
      }
    }
    return conf;
  }

  /** What the ApplicationMaster sees of a failed run: YARN's diagnostics show this message. */
  static final class DriverFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DriverFailed(int code) {
      super("descent exit code " + code + " (the driver's log has the reason)", null, false, false);
    }
  }
}
