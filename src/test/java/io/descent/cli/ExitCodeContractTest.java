package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One exit-code contract: in --help of every command, in the README, and in what is retried. */
class ExitCodeContractTest {

  @Test
  void helpOfTheRootAndOfTheGatesPrintsTheContract() {
    picocli.CommandLine root = Main.commandLine();
    assertTrue(root.getUsageMessage().contains(ExitCodes.CONTRACT), root.getUsageMessage());
    for (String command : new String[] {"check", "promote"}) {
      String help = root.getSubcommands().get(command).getUsageMessage();
      assertTrue(help.contains(ExitCodes.CONTRACT), help);
    }
  }

  @Test
  void theReadmeTableHasEveryCodeAndOnlyInfrastructureAndSignalsAreRetried() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int[] personMustLook = {ExitCodes.BAD_INPUT, ExitCodes.DIVERGED, ExitCodes.DRIFT, ExitCodes.NOT_PROMOTED};
    for (int code : personMustLook) {
      assertTrue(readme.contains("| " + code + " |"), "README row for " + code);
      assertFalse(ExitCodes.retriable(code), code + " is for a person");
    }
    assertTrue(readme.contains("| 130, 143 |"));
    assertTrue(ExitCodes.retriable(ExitCodes.FAILURE));
    assertTrue(ExitCodes.retriable(ExitCodes.TERMINATED));
    assertEquals(143, new io.descent.train.StopRequest() {
      @Override
      public String signal() {
        return "SIGTERM";
      }
    }.exitCode(), "the signal codes the contract names are the ones a stopped run exits with");
    String cronJob = Files.readString(Path.of("deploy/retrain/k8s-cronjob.yaml"));
    assertTrue(cronJob.contains("values: [2, 3, 5, 6]"), "the podFailurePolicy fails the Job on exactly these");
  }
}
