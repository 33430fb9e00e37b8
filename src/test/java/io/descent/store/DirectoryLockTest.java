package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.DescentException;
import io.descent.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {
  @TempDir Path tmp;
  private final Configuration conf = new Configuration();
  private final List<String> warnings = new ArrayList<>();

  private DirectoryLock lock(Path dir, long staleAfterMillis) {
    return DirectoryLock.acquire(conf, dir.toString(), "--output", "descent train",
        warnings::add, staleAfterMillis);
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() {
    Path out = tmp.resolve("model");
    try (DirectoryLock first = lock(out, 300_000)) {
      DescentException e = assertThrows(DescentException.class, () -> lock(out, 300_000));
      assertEquals(ExitCodes.FAILURE, e.exitCode(), "a busy lock is worth a later retry");
      assertTrue(e.getMessage().contains("is in use by another run (descent train on host "),
          e.getMessage());
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
      assertTrue(e.getMessage().contains(tmp.resolve(".model.lock").toString()), e.getMessage());
    }
    assertFalse(Files.exists(tmp.resolve(".model.lock")), "released on close");
    lock(out, 300_000).close();
  }

  @Test
  void theLockOfAProcessThatIsGoneIsTakenOver() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Files.writeString(tmp.resolve(".model.lock"), "{\"run\":\"r1\",\"command\":\"descent train\","
        + "\"host\":\"" + DirectoryLock.hostName() + "\",\"pid\":" + dead.pid() + "}");
    try (DirectoryLock taken = lock(tmp.resolve("model"), 300_000)) {
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("its process " + dead.pid() + " on this host is gone"),
          warnings.toString());
      assertTrue(Files.readString(tmp.resolve(".model.lock")).replace(" ", "").contains(
          "\"pid\":" + ProcessHandle.current().pid()), "the lock is now this process's");
    }
  }

  @Test
  void aLockFromAnotherHostIsStaleOnlyWhenNotRefreshed() throws Exception {
    Path file = Files.writeString(tmp.resolve(".model.lock"),
        "{\"run\":\"r2\",\"command\":\"descent train\",\"host\":\"elsewhere\",\"pid\":1}");
    assertThrows(DescentException.class, () -> lock(tmp.resolve("model"), 60_000),
        "refreshed a moment ago: its owner may be alive");
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
    try (DirectoryLock taken = lock(tmp.resolve("model"), 60_000)) {
      assertTrue(warnings.get(0).contains("not refreshed for 1"), warnings.toString());
    }
  }

  @Test
  void aLiveLockOnThisHostIsBusyHoweverOld() throws Exception {
    Path file = Files.writeString(tmp.resolve(".model.lock"), "{\"run\":\"r3\",\"command\":"
        + "\"descent train\",\"host\":\"" + DirectoryLock.hostName() + "\",\"pid\":"
        + ProcessHandle.current().pid() + "}");
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    assertThrows(DescentException.class, () -> lock(tmp.resolve("model"), 1));
  }

  @Test
  void parentsCreatedForTheLockAreRemovedWithIt() {
    Path out = tmp.resolve("a/b/model");
    lock(out, 300_000).close();
    assertFalse(Files.exists(tmp.resolve("a")), "no empty directory left behind");
  }

  /** YARN restarts a failed driver, maybe on another host: the earlier attempt's lock is stale. */
  @Test
  void aLaterAttemptOfTheSameYarnApplicationTakesTheLockOver() {
    Path out = tmp.resolve("model");
    Optional<YarnAttempt> first = YarnAttempt.ofContainer("container_1796197042170_0003_01_000001");
    Optional<YarnAttempt> second = YarnAttempt.ofContainer("container_1796197042170_0003_02_000001");
    Optional<YarnAttempt> otherApp = YarnAttempt.ofContainer("container_1796197042170_0004_02_000001");
    assertTrue(first.isPresent() && second.isPresent() && otherApp.isPresent());
    try (DirectoryLock attempt1 = DirectoryLock.acquire(conf, out.toString(), "--output",
        "descent train", warnings::add, 300_000, first)) {
      // Alive as far as the host and pid tell (this JVM), so only the YARN rule can free it.
      assertThrows(DescentException.class, () -> DirectoryLock.acquire(conf, out.toString(),
          "--output", "descent train", warnings::add, 300_000, otherApp));
      assertThrows(DescentException.class, () -> DirectoryLock.acquire(conf, out.toString(),
          "--output", "descent train", warnings::add, 300_000, first));
      try (DirectoryLock attempt2 = DirectoryLock.acquire(conf, out.toString(), "--output",
          "descent train", warnings::add, 300_000, second)) {
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("it was YARN's appattempt_1796197042170_0003_000001, "
            + "which has ended: this is appattempt_1796197042170_0003_000002"), warnings.get(0));
      }
    }
    assertTrue(YarnAttempt.ofContainer(null).isEmpty());
    assertTrue(YarnAttempt.ofContainer("not-a-container").isEmpty());
  }
}
