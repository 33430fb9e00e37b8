package io.descent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import org.junit.jupiter.api.Test;

/** --feature-precision: validated, recorded, and part of the fingerprint (it changes the result). */
class FeaturePrecisionConfigTest {
  private static TrainConfig config(String precision) {
    Settings s = new Settings();
    s.putFlag("data", "d");
    s.putFlag("loss", "logistic");
    s.putFlag("output", "o");
    if (precision != null) {
      s.putFlag("feature-precision", precision);
    }
    return TrainConfig.from(s);
  }

  @Test
  void floatIsFingerprintedAndTheDefaultIsNotRecorded() {
    assertEquals("double", config(null).input().featurePrecision());
    assertEquals(config(null).fingerprint(), config("double").fingerprint());
    assertFalse(config("double").toJson().containsKey("featurePrecision"));
    assertEquals("float", config("float").fingerprint().get("featurePrecision"));
    assertNotEquals(config("double").fingerprint(), config("float").fingerprint());
  }

  @Test
  void aBadValueNamesTheFlagAndTheChoices() {
    BadInputException e = assertThrows(BadInputException.class, () -> config("half"));
    assertTrue(e.getMessage().contains("--feature-precision") && e.getMessage().contains("half")
        && e.getMessage().contains("double, float"), e.getMessage());
  }
}
