package io.descent.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the shaded application jar holds. On a cluster Spark's jars/ come first on the
 * classpath, so any class of the app jar that Spark also ships would silently lose to
 * Spark's copy; and Spark, Scala, Hadoop or Jackson classes inside it would be a second,
 * conflicting copy. The jar may hold Descent, its relocated picocli and XChart, nothing else.
 */
class AppJarIT {
  /** Packages the jar may contain: Descent (picocli relocated under it) and XChart. */
  private static final List<String> ALLOWED = List.of("io/descent/", "org/knowm/xchart/");

  private static SparkHome spark;
  private static List<String> classes;

  @BeforeAll
  static void listJar() throws IOException {
    spark = SparkHome.fromBuild();
    try (ZipFile jar = new ZipFile(spark.appJar().toFile())) {
      classes = jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
          .collect(Collectors.toList());
    }
  }

  @Test
  @Timeout(30)
  void holdsOnlyDescentAndXChart() {
    List<String> foreign = classes.stream()
        .filter(n -> ALLOWED.stream().noneMatch(n::startsWith)).collect(Collectors.toList());
    assertEquals(List.of(), foreign, "classes outside " + ALLOWED);
    assertTrue(classes.contains("io/descent/cli/Main.class"));
    assertTrue(classes.contains("io/descent/shaded/picocli/CommandLine.class"), "picocli relocated");
    assertTrue(classes.contains("org/knowm/xchart/BitmapEncoder.class"), "XChart inside");
  }

  @Test
  @Timeout(30)
  void startsIoDescentCliMainAndIsUnsigned() throws IOException {
    try (JarFile jar = new JarFile(spark.appJar().toFile())) {
      assertEquals("io.descent.cli.Main",
          jar.getManifest().getMainAttributes().getValue("Main-Class"));
      List<String> signatures = jar.stream().map(ZipEntry::getName)
          .filter(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")).collect(Collectors.toList());
      assertEquals(List.of(), signatures, "signature files of shaded jars break spark-submit");
    }
  }

  /** No class of the app jar is also in Spark's jars/: the cluster's copy would shadow it. */
  @Test
  @Timeout(60)
  void sharesNoClassWithSparksJars() throws IOException {
    Set<String> ours = new HashSet<>(classes);
    List<String> clashes = new ArrayList<>();
    try (Stream<Path> jars = Files.list(spark.jars())) {
      for (Path p : (Iterable<Path>) jars.sorted()::iterator) {
        try (ZipFile jar = new ZipFile(p.toFile())) {
          jar.stream().map(ZipEntry::getName).filter(ours::contains)
              .forEach(n -> clashes.add(p.getFileName() + ": " + n));
        }
      }
    }
    assertEquals(Collections.emptyList(), clashes);
  }
}
