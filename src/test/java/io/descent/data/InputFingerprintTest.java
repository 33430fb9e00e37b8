package io.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.data.source.InputFingerprint;
import io.descent.data.source.InputFingerprint.FileEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputFingerprintTest {
  private static final FileEntry A = new FileEntry("file:/d/a", 100, 1_700_000_000_000L);
  private static final FileEntry B = new FileEntry("file:/d/b", 50, 1_700_000_000_000L);

  @Test
  void jsonRoundTrips() throws Exception {
    InputFingerprint f = new InputFingerprint(List.of(A, B), 42);
    ObjectMapper json = new ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = json.readValue(json.writeValueAsString(f.toJson()), Map.class);
    assertEquals(f, InputFingerprint.fromJson(back));
  }

  @Test
  void describesTheFirstDifference() {
    InputFingerprint recorded = new InputFingerprint(List.of(A, B), 42);
    assertNull(new InputFingerprint(List.of(A, B), 42).describeDifference(recorded));
    assertEquals("the input file file:/d/a has length 101, not 100 as recorded",
        new InputFingerprint(List.of(new FileEntry("file:/d/a", 101, A.modificationTime()), B), 42)
            .describeDifference(recorded));
    assertEquals("the input file file:/d/b was modified at 2023-11-14T22:13:21Z,"
            + " not at 2023-11-14T22:13:20Z as recorded",
        new InputFingerprint(List.of(A, new FileEntry("file:/d/b", 50, B.modificationTime() + 1000)), 42)
            .describeDifference(recorded));
    assertEquals("the recorded input file file:/d/b is no longer part of the input",
        new InputFingerprint(List.of(A), 42).describeDifference(recorded));
    assertEquals("the input file file:/d/c was not part of the recorded input",
        new InputFingerprint(List.of(A, B, new FileEntry("file:/d/c", 1, 1)), 42)
            .describeDifference(recorded));
    assertEquals("the input has 43 rows, not 42 as recorded",
        new InputFingerprint(List.of(A, B), 43).describeDifference(recorded));
  }
}
