package io.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.descent.BadInputException;
import io.descent.data.labels.LabelMapping;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputSpec;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which label sets each loss accepts, how they map, and where a rejected one is reported. */
class LabelRulesTest {
  private final DataLoader loader = new DataLoader(SharedSpark.session());

  @TempDir
  Path tmp;

  private Path libsvm(String name, String... labels) throws IOException {
    String[] lines = new String[labels.length];
    for (int i = 0; i < labels.length; i++) {
      lines[i] = labels[i] + " 1:" + (i + 1);
    }
    return Files.write(tmp.resolve(name), Arrays.asList(lines));
  }

  private LabelMapping mapping(Path file, LabelPolicy policy) {
    TrainingData data = loader.load(InputSpec.of(file.toString()), policy, 2, 0, StorageLevel.MEMORY_ONLY());
    data.release();
    return data.labels();
  }

  private String error(Path file, LabelPolicy policy) {
    return assertThrows(BadInputException.class, () -> mapping(file, policy)).getMessage();
  }

  @Test
  void binaryTakesZeroOneOrMinusOnePlusOneAsTheyCome() throws IOException {
    assertEquals(LabelMapping.binary(0, 1), mapping(libsvm("a", "0", "1", "1"), LabelPolicy.binary(null)));
    assertEquals(LabelMapping.binary(-1, 1), mapping(libsvm("b", "+1", "-1"), LabelPolicy.binary(null)));
    // ijcnn1 writes its labels as -1.0 / 1.0.
    assertEquals(LabelMapping.binary(-1, 1), mapping(libsvm("c", "-1.0", "1.0"), LabelPolicy.binary(null)));
  }

  @Test
  void aSingleClassIsRefusedNotTrainedToAnInfiniteIntercept() throws IOException {
    assertEquals("ones.svm: every label is 1, so there is no negative class: a binary loss needs"
        + " rows of both classes (an upstream filter or join may have dropped the other)",
        error(libsvm("ones.svm", "1", "1", "1"), LabelPolicy.binary(null)));
    assertEquals("minus.svm: every label is -1, so there is no positive class: a binary loss"
        + " needs rows of both classes (an upstream filter or join may have dropped the other)",
        error(libsvm("minus.svm", "-1", "-1.0"), LabelPolicy.binary(null)));
    assertEquals("zeros.svm: every label is 0, so there is no positive class: a binary loss"
        + " needs rows of both classes (an upstream filter or join may have dropped the other)",
        error(libsvm("zeros.svm", "0", "0"), LabelPolicy.binary(null)));
  }

  @Test
  void binaryRejectsOtherValuesWithoutAPositiveLabel() throws IOException {
    assertEquals("two.svm, line 3: label 2 is neither 0/1 nor -1/+1; pass --positive-label to name the positive class",
        error(libsvm("two.svm", "0", "1", "2", "0"), LabelPolicy.binary(null)));
    // skin_nonskin's 1/2: the first 2 is the problem.
    Path skin = Files.write(tmp.resolve("skin.csv"), Arrays.asList("B,G,R,label", "74,85,123,1", "73,84,122,1",
        "170,186,226,2"));
    assertEquals("skin.csv, line 4, column \"label\": label 2 is neither 0/1 nor -1/+1;"
        + " pass --positive-label to name the positive class", error(skin, LabelPolicy.binary(null)));
    assertEquals("mixed.svm, line 4: label 0 mixes the 0/1 and -1/+1 conventions with the label -1 before it;"
        + " pass --positive-label to name the positive class",
        error(libsvm("mixed.svm", "1", "-1", "1", "0", "-1"), LabelPolicy.binary(null)));
  }

  @Test
  void aPositiveLabelMapsToOneAndTheOtherValueToZero() throws IOException {
    Path skin = Files.write(tmp.resolve("skin.csv"), Arrays.asList("B,G,R,label", "74,85,123,1", "170,186,226,2"));
    LabelMapping m = mapping(skin, LabelPolicy.binary(1.0));
    assertEquals(LabelMapping.binary(2, 1), m);
    assertEquals(1.0, m.toTraining(1));
    assertEquals(0.0, m.toTraining(2));
    assertEquals(LabelMapping.binary(1, -1), mapping(libsvm("flip", "1", "-1"), LabelPolicy.binary(-1.0)));
  }

  @Test
  void aPositiveLabelNeedsExactlyTwoValuesIncludingIt() throws IOException {
    assertEquals("three.svm, line 4: label 3 is a third distinct value after 5 and 7, and a binary loss takes two",
        error(libsvm("three.svm", "5", "7", "5", "3", "7"), LabelPolicy.binary(5.0)));
    assertEquals("absent.svm: the positive label 9 does not occur among the labels (1, 2)",
        error(libsvm("absent.svm", "1", "2"), LabelPolicy.binary(9.0)));
    assertEquals("only.svm: every label is 4, the positive label, so there is no negative class",
        error(libsvm("only.svm", "4", "4"), LabelPolicy.binary(4.0)));
  }

  @Test
  void classesAreIntegersMappedInSortedOrder() throws IOException {
    LabelMapping m = mapping(libsvm("k.svm", "5", "-2", "3", "5"), LabelPolicy.classes());
    assertEquals(LabelMapping.classes(new double[] {-2, 3, 5}), m);
    assertEquals(1.0, m.toTraining(3));
    assertEquals("half.svm, line 2: label 1.5 is not an integer class",
        error(libsvm("half.svm", "1", "1.5", "2"), LabelPolicy.classes()));
    assertEquals("one.svm: every label is 3, and softmax needs at least two classes",
        error(libsvm("one.svm", "3", "3"), LabelPolicy.classes()));
  }

  @Test
  void realTakesAnyFiniteValue() throws IOException {
    assertEquals(LabelMapping.real(), mapping(libsvm("r.svm", "0.25", "-1e6", "3"), LabelPolicy.real()));
  }

  @Test
  void labelRulesMatchTheRowPolicy() {
    assertEquals(null, LabelPolicy.real().rowProblem(1e300));
    assertEquals("label NaN is not a finite number", LabelPolicy.real().rowProblem(Double.NaN));
    assertEquals(null, LabelPolicy.binary(null).rowProblem(-1));
    assertEquals(null, LabelPolicy.binary(7.0).rowProblem(3));
    assertEquals(null, LabelPolicy.classes().rowProblem(-4));
    assertThrows(BadInputException.class, () -> LabelPolicy.binary(Double.NaN));
    assertEquals(LabelPolicy.binary(1.0), LabelPolicy.binary(1.0));
  }
}
