package io.descent.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Spark, Hadoop and netlib log at INFO/WARN by default: quiet unless --verbose. Spark's own
 * ERROR reports are off too: a failed task or job (a bad input row failing a scoring task,
 * say) reaches the command as an exception, which says what went wrong in one sentence.
 */
final class Logging {
  // java.util.logging holds loggers weakly: keep the one we configure.
  private static final java.util.logging.Logger NETLIB =
      java.util.logging.Logger.getLogger("dev.ludovic.netlib");

  private Logging() {}

  static void configure(boolean verbose) {
    if (verbose) {
      Configurator.setRootLevel(Level.INFO);
      return;
    }
    NETLIB.setLevel(java.util.logging.Level.SEVERE);
    Configurator.setLevel("org.apache.spark", Level.FATAL);
    Configurator.setLevel("org.sparkproject", Level.ERROR);
    Configurator.setLevel("org.apache.hadoop", Level.ERROR);
    Configurator.setLevel("org.apache.parquet", Level.ERROR);
  }
}
