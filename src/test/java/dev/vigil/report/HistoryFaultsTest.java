package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.TmpfsMount;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * history.jsonl on a real small tmpfs that fills up or turns read-only: a line is whole or absent,
 * and the runs that could not be written are written once the file system takes them again.
 */
class HistoryFaultsTest {
  @TempDir Path tmp;
  private final Json json = new Json();
  private TmpfsMount mount;

  @BeforeEach
  void mount() throws Exception {
    mount = TmpfsMount.mount(tmp.resolve("state"), "256k");
    assumeTrue(mount.mounted(), mount.whyNot());
  }

  @AfterEach
  void unmount() throws Exception {
    mount.close();
  }

  private static RunRecord run(String id, int tailBytes) {
    StageRecord stage =
        new StageRecord(
            "test", StageStatus.PASSED, 0, 5, 1, "x".repeat(tailBytes), null, List.of());
    return Fixtures.run("app", id, RunResult.PASSED, stage);
  }

  private List<String> ids(HistoryLog history) throws IOException {
    HistoryLog.Page page = history.page(Optional.empty(), 100);
    assertThat(page.skippedLines()).as("malformed lines").isZero();
    return page.runs().stream().map(RunRecord::runId).toList();
  }

  private void assertWholeLines() throws IOException {
    byte[] bytes = Files.readAllBytes(mount.dir().resolve("history.jsonl"));
    if (bytes.length > 0) {
      assertThat(bytes[bytes.length - 1]).as("the last byte is a newline").isEqualTo((byte) '\n');
    }
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isEmpty()) {
        json.readRun(line);
      }
    }
  }

  @Test
  void aFullStateDirCutsNoLineAndTheHeldRunIsWrittenOnceThereIsRoom() throws Exception {
    try (HistoryLog history = new HistoryLog(mount.dir(), json)) {
      history.append(run("app-1", 10));
      Path filler = mount.fill();

      assertThatThrownBy(() -> history.append(run("app-2", 64 * 1024)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("history.jsonl")
          .hasMessageContaining("No space left");
      assertWholeLines();
      assertThat(ids(history)).containsExactly("app-1");

      Files.delete(filler);
      history.append(run("app-3", 10));

      assertWholeLines();
      assertThat(ids(history)).containsExactly("app-3", "app-2", "app-1");
    }
  }

  @Test
  void aReadOnlyStateDirHoldsRunsUntilItIsWritableAgain() throws Exception {
    try (HistoryLog history = new HistoryLog(mount.dir(), json)) {
      history.append(run("app-1", 10));
      mount.remount("ro");

      assertThatThrownBy(() -> history.append(run("app-2", 10)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("Read-only file system");
      assertThat(ids(history)).containsExactly("app-1");

      mount.remount("rw");
      history.append(run("app-3", 10));

      assertWholeLines();
      assertThat(ids(history)).containsExactly("app-3", "app-2", "app-1");
    }
  }
}
