package io.descent.cli;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Obtains the SparkSession a command runs in. Under spark-submit the master comes from
 * spark-submit; launched directly (bin/descent) it is {@code --master}, else local[*].
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String master, Map<String, String> sparkConf) {
    return SparkSession.builder().config(conf(master, sparkConf)).getOrCreate();
  }

  /** The session's configuration: spark-submit's, then the master, then the spark.* settings. */
  static SparkConf conf(String master, Map<String, String> sparkConf) {
    SparkConf conf = new SparkConf();
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", "descent");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    for (Map.Entry<String, String> e : sparkConf.entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    return conf;
  }
}
