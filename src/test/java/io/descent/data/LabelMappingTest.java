package io.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.block.LabelKind;
import io.descent.data.labels.LabelMapping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMappingTest {
  @Test
  void realIsTheIdentity() {
    LabelMapping m = LabelMapping.real();
    assertEquals(LabelKind.REAL, m.kind());
    assertEquals(1, m.numClasses());
    assertEquals(0, m.originalValues().length);
    assertEquals(3.25, m.toTraining(3.25));
    assertEquals(-7.0, m.toOriginal(-7.0));
    assertThrows(IllegalArgumentException.class, () -> m.toTraining(Double.NaN));
  }

  @Test
  void binaryMapsNegativeToZeroAndPositiveToOne() {
    LabelMapping m = LabelMapping.binary(-1, 1);
    assertEquals(2, m.numClasses());
    assertArrayEquals(new double[] {-1, 1}, m.originalValues());
    assertEquals(0.0, m.toTraining(-1));
    assertEquals(1.0, m.toTraining(1));
    assertEquals(-1.0, m.toOriginal(0));
    assertEquals(1.0, m.toOriginal(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.toTraining(0));
    assertEquals("label 0 is not one of -1, 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.toOriginal(0.5));
    assertThrows(IllegalArgumentException.class, () -> LabelMapping.binary(2, 2));
  }

  @Test
  void classesMapSortedValuesToIndices() {
    LabelMapping m = LabelMapping.classes(new double[] {1, 2, 5});
    assertEquals(3, m.numClasses());
    assertEquals(0.0, m.toTraining(1));
    assertEquals(2.0, m.toTraining(5));
    assertEquals(5.0, m.toOriginal(2));
    assertThrows(IllegalArgumentException.class, () -> m.toTraining(3));
    assertThrows(IllegalArgumentException.class, () -> m.toOriginal(3));
    assertThrows(IllegalArgumentException.class, () -> LabelMapping.classes(new double[] {2, 1}));
    assertThrows(IllegalArgumentException.class, () -> LabelMapping.classes(new double[] {1}));
    assertEquals(0.0, LabelMapping.classes(new double[] {0, 1}).toTraining(-0.0));
  }

  @Test
  void jsonHasTheDocumentedShapeAndRoundTrips() throws Exception {
    assertEquals(Map.of("kind", "real"), LabelMapping.real().toJson());
    assertEquals(Map.of("kind", "binary", "negative", -1.0, "positive", 1.0),
        LabelMapping.binary(-1, 1).toJson());
    assertEquals(Map.of("kind", "classes", "values", List.of(1.0, 2.0, 3.0)),
        LabelMapping.classes(new double[] {1, 2, 3}).toJson());
    ObjectMapper json = new ObjectMapper();
    for (LabelMapping m : List.of(LabelMapping.real(), LabelMapping.binary(1, 2),
        LabelMapping.classes(new double[] {0, 1, 2}))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> back = json.readValue(json.writeValueAsString(m.toJson()), Map.class);
      assertEquals(m, LabelMapping.fromJson(back));
    }
    // Integers written by hand are accepted as numbers.
    assertEquals(LabelMapping.binary(0, 1),
        LabelMapping.fromJson(Map.of("kind", "binary", "negative", 0, "positive", 1)));
    assertThrows(IllegalArgumentException.class, () -> LabelMapping.fromJson(Map.of("kind", "ordinal")));
    assertThrows(IllegalArgumentException.class, () -> LabelMapping.fromJson(Map.of("kind", "binary")));
  }
}
