package io.descent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Whether lbfgs-memory was set decides whether a small driver may keep fewer pairs; the
 * memory a run keeps is the one its fingerprint and model.json record.
 */
class LbfgsMemoryConfigTest {
  private static Settings lbfgs() {
    Settings s = new Settings();
    s.putFlag("data", "/tmp/in");
    s.putFlag("loss", "logistic");
    s.putFlag("output", "/tmp/out");
    s.putFlag("optimizer", "lbfgs");
    return s;
  }

  @Test
  void theDefaultMemoryIsNotGiven() {
    TrainConfig c = TrainConfig.from(lbfgs());
    assertEquals(10, c.optimizerOptions().lbfgsMemory());
    assertFalse(c.optimizerOptions().lbfgsMemoryGiven());
  }

  @Test
  void aFlagGivesIt() {
    Settings s = lbfgs();
    s.putFlag("lbfgs-memory", "10");
    assertTrue(TrainConfig.from(s).optimizerOptions().lbfgsMemoryGiven());
  }

  @Test
  void theFittedMemoryIsTheOneRecorded() {
    TrainConfig c = TrainConfig.from(lbfgs()).withLbfgsMemory(4);
    assertEquals(4, c.optimizerOptions().lbfgsMemory());
    assertTrue(c.fingerprint().toString().contains("lbfgsMemory=4"), c.fingerprint().toString());
  }
}
