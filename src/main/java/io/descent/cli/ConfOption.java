package io.descent.cli;

import io.descent.BadInputException;
import io.descent.config.Settings;
import java.nio.file.Files;
import java.nio.file.Paths;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code --conf}, on every command and repeatable: a properties file, or {@code key=value}
 * as spark-submit takes it. Applied in the order given, before the flags, which override.
 */
final class ConfOption {
  private ConfOption() {}

  static OptionSpec spec(String what) {
    return OptionSpec.builder("--conf").paramLabel("FILE|KEY=VALUE").type(String[].class)
        .arity("1").description("Repeatable. A properties file, or one key=value (spark-submit's"
            + " form); spark.* keys go to Spark. " + what).build();
  }

  /** The settings --conf gives, in order (an existing file wins over the key=value reading). */
  static Settings read(ParseResult parsed) {
    Settings settings = new Settings();
    if (!parsed.hasMatchedOption("--conf")) {
      return settings;
    }
    for (String value : (String[]) parsed.matchedOptionValue("--conf", new String[0])) {
      String[] pair = Settings.pair(value);
      if (pair != null && !Files.exists(Paths.get(value))) {
        settings.put(pair[0].trim(), pair[1].trim(), "--conf " + pair[0].trim());
      } else {
        settings.loadFile(Paths.get(value));
      }
    }
    return settings;
  }

  /** For predict and evaluate: only spark.* keys mean something there; anything else is refused. */
  static Settings sparkOnly(ParseResult parsed, String command) {
    Settings settings = read(parsed);
    java.util.Iterator<String> keys = settings.keys().iterator();
    if (keys.hasNext()) {
      String key = keys.next();
      throw new BadInputException(settings.origin(key) + ": descent " + command + " takes only"
          + " spark.* keys from --conf; \"" + key + "\" is a training setting.");
    }
    return settings;
  }
}
