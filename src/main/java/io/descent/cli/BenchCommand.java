package io.descent.cli;

import io.descent.BadInputException;
import io.descent.bench.BenchSuite;
import io.descent.block.FeaturePrecision;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code descent bench}: Descent side by side with Spark MLlib, Spark ML, a pure-array loop
 * and a trivial Spark job, on synthetic data or LIBSVM files, in one Spark application.
 */
final class BenchCommand {
  private final ParseResult parsed;
  private final PrintStream out;
  private final SparkSession given;

  BenchCommand(ParseResult parsed, PrintStream out, SparkSession given) {
    this.parsed = parsed;
    this.out = out;
    this.given = given;
  }

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("bench").mixinStandardHelpOptions(true);
    spec.usageMessage().description("Seconds per iteration of Descent, Spark MLlib and Spark ML on the same cached data.");
    spec.addOption(OptionSpec.builder("--data").paramLabel("PATH").type(String[].class)
        .description("LIBSVM file(s) to benchmark on instead of synthetic data (labels > 0 are positive).").build());
    spec.addOption(flag("--dense", "Only the synthetic dense dataset."));
    spec.addOption(flag("--sparse", "Only the synthetic sparse dataset."));
    spec.addOption(value("--rows", "N", "Rows of the dense dataset (default 1000000)."));
    spec.addOption(value("--features", "D", "Features of the dense dataset (default 100)."));
    spec.addOption(value("--sparse-rows", "N", "Rows of the sparse dataset (default 200000)."));
    spec.addOption(value("--sparse-features", "D", "Features of the sparse dataset (default 50000)."));
    spec.addOption(value("--nnz", "K", "Non-zeros per row of the sparse dataset (default 50)."));
    spec.addOption(value("--skew", "S", "Sparse feature indices ⌊d·u^S⌋: 1 uniform (default), larger a power law."));
    spec.addOption(value("--iterations", "K", "Timed iterations per contender and round (default 10; the median is the round's figure)."));
    spec.addOption(value("--rounds", "R", "Rounds over all contenders, the order rotated each round; each line is the median round (default 5)."));
    spec.addOption(value("--lbfgs-memory", "M", "Correction pairs of Descent lbfgs and MLlib LBFGS (default 10)."));
    spec.addOption(value("--partitions", "N", "Data partitions (default: Spark's default parallelism)."));
    spec.addOption(value("--methods", "LIST", "Comma-separated subset of " + BenchSuite.METHODS + " (default: all)."));
    spec.addOption(value("--master", "M", "Spark master (default local[2])."));
    spec.addOption(value("--feature-precision", "P", "double (default) or float: how Descent's blocks (and the array loop's) store feature values."));
    spec.addOption(value("--write-libsvm", "DIR", "Write the synthetic dataset(s) as LIBSVM text to DIR/dense and DIR/sparse instead of benchmarking (train with --num-features D)."));
    spec.addOption(flag("--fork", "Run each method in a JVM of its own (see --heap): one that runs out of memory becomes a table line, and each gets its own peak heap."));
    spec.addOption(value("--heap", "SIZE", "With --fork: the -Xmx of each child JVM (default 4g)."));
    spec.addOption(flag("--verbose", "Spark's INFO logs and stack traces on errors."));
    return spec;
  }

  void run() throws Exception {
    Logging.configure(parsed.hasMatchedOption("--verbose"));
    BenchSuite.Options options = options();
    if (parsed.hasMatchedOption("--fork")) {
      String heap = parsed.matchedOptionValue("--heap", "4g");
      if (!heap.matches("\\d+[kmgKMG]?")) {
        throw new BadInputException("--heap: \"" + heap + "\" is not a JVM heap size such as 4g.");
      }
      BenchSuite.runForked(childArgs(), List.copyOf(options.methods()), heap, out);
      return;
    }
    String master = parsed.matchedOptionValue("--master", "local[2]");
    SparkSession spark = given != null ? given : SparkSessions.create(master,
        Map.of("spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1",
            "spark.driver.bindAddress", "127.0.0.1"));
    if (!parsed.hasMatchedOption("--verbose")) {
      spark.sparkContext().setLogLevel("WARN");
    }
    try {
      BenchSuite.run(spark, options, out);
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }

  /** The command line without --fork, --heap and --methods, which the parent decides. */
  private List<String> childArgs() {
    List<String> out = new java.util.ArrayList<>();
    List<String> args = parsed.originalArgs();
    // picocli gives the whole command line: start after the subcommand's name.
    for (int i = args.indexOf("bench") + 1; i < args.size(); i++) {
      String a = args.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (name.equals("--fork")) {
        continue;
      }
      if (name.equals("--heap") || name.equals("--methods")) {
        i += a.contains("=") ? 0 : 1;
        continue;
      }
      out.add(a);
    }
    return out;
  }

  private BenchSuite.Options options() {
    boolean dense = parsed.hasMatchedOption("--dense");
    boolean sparse = parsed.hasMatchedOption("--sparse");
    String[] paths = parsed.matchedOptionValue("--data", new String[0]);
    Set<String> methods = new LinkedHashSet<>(BenchSuite.METHODS);
    String list = parsed.matchedOptionValue("--methods", null);
    if (list != null) {
      methods.clear();
      for (String m : list.split(",")) {
        if (!BenchSuite.METHODS.contains(m.trim())) {
          throw new BadInputException("--methods: unknown method \"" + m.trim() + "\"; known: "
              + String.join(", ", BenchSuite.METHODS) + ".");
        }
        methods.add(m.trim());
      }
    }
    return new BenchSuite.Options(List.of(paths), dense || !sparse, sparse || !dense,
        number("--rows", 1_000_000), (int) number("--features", 100),
        number("--sparse-rows", 200_000), (int) number("--sparse-features", 50_000),
        (int) number("--nnz", 50), real("--skew", 1.0), (int) number("--iterations", 10), (int) number("--rounds", 5),
        (int) number("--lbfgs-memory", 10), (int) number("--partitions", 0), methods, parsed.matchedOptionValue("--write-libsvm", null),
        FeaturePrecision.named(parsed.matchedOptionValue("--feature-precision", "double")));
  }

  private long number(String name, long fallback) {
    String v = parsed.matchedOptionValue(name, null);
    try {
      long n = v == null ? fallback : Long.parseLong(v.replace("_", ""));
      if (n < 0 || (n == 0 && !name.equals("--partitions"))) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadInputException(name + ": \"" + v + "\" is not a positive whole number.");
    }
  }

  private double real(String name, double fallback) {
    String v = parsed.matchedOptionValue(name, null);
    try {
      double x = v == null ? fallback : Double.parseDouble(v);
      if (!(x > 0)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new BadInputException(name + ": \"" + v + "\" is not a positive number.");
    }
  }

  private static OptionSpec flag(String name, String description) {
    return OptionSpec.builder(name).arity("0").type(boolean.class).description(description).build();
  }

  private static OptionSpec value(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(String.class).description(description).build();
  }
}
