package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverGroupsTest {
  /** A vigil process that is gone: this pid, but not this start time. */
  private static final ProcessStamp DEAD_OWNER =
      new ProcessStamp(ProcessHandle.current().pid(), "long-gone");

  @TempDir Path dir;
  private Process sleep;

  @AfterEach
  void stop() {
    if (sleep != null) {
      sleep.destroyForcibly();
    }
  }

  @Test
  void aRecordedPidThatAnotherProcessHoldsNowIsLeftAlone() throws Exception {
    sleep = new ProcessBuilder("sleep", "60").start();
    ProcessStamp now = ProcessStamp.of(sleep.pid()).orElseThrow();
    ProcessLedger ledger = new ProcessLedger(dir, DEAD_OWNER);
    ledger.write(entry(new ProcessStamp(sleep.pid(), now.started() + "0"), true));

    List<LeftoverGroups.Ended> ended = LeftoverGroups.endAbandoned(ledger);

    assertThat(ended).singleElement().extracting(LeftoverGroups.Ended::ended).isEqualTo(0);
    assertThat(sleep.isAlive()).as("a process that merely got the recorded pid").isTrue();
    assertThat(ledger.abandoned()).as("the entry is forgotten").isEmpty();
  }

  @Test
  void theRecordedProcessItselfIsEnded() throws Exception {
    sleep = new ProcessBuilder("sleep", "60").start();
    ProcessLedger ledger = new ProcessLedger(dir, DEAD_OWNER);
    ledger.write(entry(ProcessStamp.of(sleep.pid()).orElseThrow(), false));

    List<LeftoverGroups.Ended> ended = LeftoverGroups.endAbandoned(ledger);

    assertThat(ended).singleElement().extracting(LeftoverGroups.Ended::ended).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> !sleep.isAlive());
  }

  @Test
  void whatALiveVigilRunsIsNotAbandoned() throws Exception {
    sleep = new ProcessBuilder("sleep", "60").start();
    ProcessLedger ledger = new ProcessLedger(dir, ProcessStamp.self());
    ledger.write(
        new ProcessLedger.Entry(
            ProcessStamp.of(sleep.pid()).orElseThrow(), false, ProcessStamp.self(), "", null, 100));

    assertThat(LeftoverGroups.endAbandoned(ledger)).isEmpty();
    assertThat(sleep.isAlive()).isTrue();
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  private static ProcessLedger.Entry entry(ProcessStamp leader, boolean group) {
    return new ProcessLedger.Entry(leader, group, DEAD_OWNER, "sleep 60", null, 100);
  }
}
