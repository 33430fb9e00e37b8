package io.descent.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import scala.util.Properties$;

/**
 * The software a model was trained with: Descent's version and the Spark and Scala versions
 * of the running JVM (not those Descent was compiled against: a descent_2.13 jar may run on
 * any Spark 4 release). Recorded in model.json under {@code training.software}.
 */
public record Software(String descent, String spark, String scala) {
  private static final String VERSION_FILE = "/io/descent/descent-version.properties";

  /** What this JVM runs. */
  public static Software current() {
    return new Software(descentVersion(), org.apache.spark.package$.MODULE$.SPARK_VERSION(),
        Properties$.MODULE$.versionNumberString());
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("descent", descent);
    m.put("spark", spark);
    m.put("scala", scala);
    return m;
  }

  /** The versions a model records, or null for a model written before Descent recorded them. */
  public static Software of(LinearModel model) {
    Object s = model.training().get("software");
    if (!(s instanceof Map<?, ?> m)) {
      return null;
    }
    return new Software(String.valueOf(m.get("descent")), String.valueOf(m.get("spark")),
        String.valueOf(m.get("scala")));
  }

  private static String descentVersion() {
    try (InputStream in = Software.class.getResourceAsStream(VERSION_FILE)) {
      if (in == null) {
        throw new IllegalStateException(VERSION_FILE + " is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("descent.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
