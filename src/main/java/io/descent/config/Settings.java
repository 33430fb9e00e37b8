package io.descent.config;

import io.descent.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Raw key → value settings, each remembering where it came from ("--reg" or
 * "conf/x.properties, key reg") so that a bad value is reported at its origin. Flags are
 * put after the file, so they override it. {@code spark.*} keys are kept apart for Spark.
 * Spark ML's param names ({@code regParam}, {@code maxIter}, …: {@link ConfigKeys#SPARK_ML_NAMES})
 * are stored as the settings they mean.
 */
public final class Settings {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> origins = new LinkedHashMap<>();
  private final Map<String, String> spark = new TreeMap<>();

  public void put(String key, String value, String origin) {
    if (key.startsWith("spark.")) {
      spark.put(key, value);
      return;
    }
    String setting = ConfigKeys.canonical(key);
    values.put(setting, value);
    origins.put(setting, origin);
  }

  /**
   * One {@code key=value} of {@code --conf} (spark-submit's form); null when {@code text} is
   * not of that form (then it names a file).
   */
  public static String[] pair(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || !text.substring(0, eq).matches("[A-Za-z][A-Za-z0-9._-]*")) {
      return null;
    }
    return new String[] {text.substring(0, eq), text.substring(eq + 1)};
  }

  public void putFlag(String key, String value) {
    if (value != null) {
      put(key, value, "--" + key);
    }
  }

  /** Loads a properties file (read as UTF-8); local path. */
  public void loadFile(Path file) {
    if (!Files.exists(file)) {
      throw new BadInputException("--conf: " + file + " is missing: no such configuration file.");
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadInputException("Cannot read configuration file " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("Configuration file " + file + " is malformed: " + e.getMessage());
    }
    Map<String, String> spelled = new TreeMap<>();
    for (String key : new TreeMap<>(p.stringPropertyNames().stream()
        .collect(java.util.stream.Collectors.toMap(k -> k, k -> k))).keySet()) {
      String k = key.trim();
      String other = spelled.put(ConfigKeys.canonical(k), k);
      if (other != null) {
        throw new BadInputException(file + ": keys " + other + " and " + k + " both set "
            + ConfigKeys.canonical(k) + "; keep one.");
      }
      put(k, p.getProperty(key).trim(), file + ", key " + k);
    }
  }

  public String get(String key) {
    return values.get(key);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String origin(String key) {
    return origins.getOrDefault(key, key);
  }

  public Iterable<String> keys() {
    return values.keySet();
  }

  /** The spark.* keys, passed through to the SparkSession. */
  public Map<String, String> sparkConf() {
    return spark;
  }
}
