package io.descent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, checked on the compiled product classes (tests excluded): the math
 * core knows nothing of Spark or Hadoop, only {@code store} writes through the Hadoop
 * FileSystem API, and no package uses a package above it.
 */
class ArchitectureTest {
  /**
   * The layers, top to bottom. A package may use the packages of lower rows, never those of
   * its own row or of a row above. A sub-package is in its top package's layer (data.source
   * is data, predict.input is predict); "" is io.descent itself (the exceptions and exit
   * codes, usable everywhere).
   */
  private static final List<List<String>> LAYERS = List.of(
      List.of("cli"),                          // Main and the commands
      List.of("ml", "bench"),                  // the Spark ML estimator; the benchmarks
      List.of("train", "gate"),                // the training loop; the data and promotion gates
      List.of("config", "predict"),            // TrainConfig; scoring and evaluation
      List.of("engine", "store"),              // the distributed objective; files on Hadoop
      List.of("optim", "model"),               // the optimizers; the trained model
      List.of("loss", "data"),                 // the math over a Block; loading into Blocks
      List.of("block", "report", "reliability", "profile", "stats"), // Blocks; metrics and reports;
                                               // fault injection; data profiles; bootstrap
      List.of(""));

  /** The Spark-free core: pure math and the arrays it runs over. */
  private static final String[] SPARK_FREE =
      {"io.descent.block..", "io.descent.loss..", "io.descent.optim..", "io.descent.profile..",
          "io.descent.stats.."};

  /**
   * The Hadoop calls that change a file system. Reads (open, listFiles, listStatus,
   * getFileStatus, exists) are allowed everywhere: data lists and opens its input files.
   */
  private static final Set<String> FILE_SYSTEM_WRITES = Set.of("create", "createNewFile",
      "createNonRecursive", "append", "rename", "delete", "deleteOnExit", "mkdirs", "mkdir",
      "copyFromLocalFile", "moveFromLocalFile", "concat", "truncate", "setPermission", "setOwner",
      "setTimes", "setReplication", "createSymlink");
  private static final Set<String> FILE_SYSTEM_TYPES = Set.of("org.apache.hadoop.fs.FileSystem",
      "org.apache.hadoop.fs.FileContext");

  private static JavaClasses product;

  @BeforeAll
  static void importProductClasses() {
    // Not ImportOption.DO_NOT_INCLUDE_TESTS: it knows test classes by the path target/test-classes,
    // and the Spark 4 line builds into target-spark4/.
    ImportOption productOnly = location -> !location.contains("/test-classes/");
    product = new ClassFileImporter()
        .withImportOption(productOnly)
        .importPackages("io.descent");
  }

  @Test
  void theMathCoreUsesNoSparkNorHadoop() {
    noClasses().that().resideInAnyPackage(SPARK_FREE)
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
        .check(product);
  }

  @Test
  void onlyStoreWritesThroughTheHadoopFileSystem() {
    noClasses().that().resideOutsideOfPackage("io.descent.store..")
        .should().callMethodWhere(fileSystemWrite())
        .check(product);
  }

  @Test
  void theFileSystemRuleSeesTheWritesStoreMakes() {
    // Guards the rule above against matching nothing (a renamed type, a wrong method name).
    assertTrue(product.stream()
        .filter(c -> c.getPackageName().startsWith("io.descent.store"))
        .flatMap(c -> c.getMethodCallsFromSelf().stream())
        .anyMatch(fileSystemWrite()));
  }

  @Test
  void noPackageUsesOneAboveIt() {
    classes().that().resideInAPackage("io.descent..")
        .should(useOnlyLowerLayers())
        .check(product);
  }

  /**
   * No two packages use each other, with one known exception: the LIBSVM and Parquet readers
   * (data.source) turn a failed read into a located error through ProblemReporter and take the
   * BadRecords choice (data.diagnostics), while the scan and reporter list and re-read the
   * input files (data.source). Untangling it means moving code, not a move of files.
   */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.descent.(**)").should().beFreeOfCycles()
        .ignoreDependency(
            DescribedPredicate.describe("a reader of data.source",
                (JavaClass c) -> c.getPackageName().equals("io.descent.data.source")),
            DescribedPredicate.describe("ProblemReporter or BadRecords",
                (JavaClass c) -> Set.of("io.descent.data.diagnostics.ProblemReporter",
                    "io.descent.data.diagnostics.BadRecords").contains(c.getName())))
        .check(product);
  }

  @Test
  void everyPackageHasALayer() {
    for (JavaClass c : product) {
      assertTrue(RANKS.containsKey(layerOf(c)),
          c.getName() + " is in no layer of ArchitectureTest.LAYERS");
    }
  }

  private static final Map<String, Integer> RANKS = ranks();

  private static Map<String, Integer> ranks() {
    Map<String, Integer> ranks = new HashMap<>();
    for (int row = 0; row < LAYERS.size(); row++) {
      for (String layer : LAYERS.get(row)) {
        ranks.put(layer, LAYERS.size() - row);
      }
    }
    return ranks;
  }

  /** "data" for io.descent.data.source.CsvSource, "" for io.descent.ExitCodes. */
  private static String layerOf(JavaClass c) {
    String pkg = c.getPackageName();
    if (pkg.equals("io.descent")) {
      return "";
    }
    String rest = pkg.substring("io.descent.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static boolean isProduct(JavaClass c) {
    return c.getPackageName().equals("io.descent") || c.getPackageName().startsWith("io.descent.");
  }

  private static ArchCondition<JavaClass> useOnlyLowerLayers() {
    return new ArchCondition<>("use only packages of lower layers") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = layerOf(origin);
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          if (!isProduct(target)) {
            continue;
          }
          String to = layerOf(target);
          Integer fromRank = RANKS.get(from);
          Integer toRank = RANKS.get(to);
          boolean allowed = from.equals(to)
              || (fromRank != null && toRank != null && toRank < fromRank);
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(d,
                "layer " + from + " uses layer " + to + ": " + d.getDescription()));
          }
        }
      }
    };
  }

  private static DescribedPredicate<JavaMethodCall> fileSystemWrite() {
    String writes = new TreeSet<>(FILE_SYSTEM_WRITES).toString();
    return DescribedPredicate.describe("a Hadoop FileSystem or FileContext write " + writes,
        call -> FILE_SYSTEM_WRITES.contains(call.getName())
            && FILE_SYSTEM_TYPES.stream().anyMatch(t -> call.getTargetOwner().isAssignableTo(t)));
  }
}
