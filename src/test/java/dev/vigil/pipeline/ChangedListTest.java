package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.report.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs/RUN_ID/changed.txt}: one changed path a line, whatever was there before. */
class ChangedListTest {
  @TempDir Path stateDir;

  private RunRequest request(String... paths) {
    return new RunRequest(
        "p-1", new Trigger("change", List.of(paths), paths.length, false), Instant.now(), stateDir);
  }

  @Test
  void fillsTheFilePreparedAhead() throws Exception {
    RunRequest request = request("src/a.rs", "dir with space/b.rs");
    StageCommand.prepareRunDir(request.runDir());

    Path file = StageCommand.writeChangedList(request);

    assertThat(file).hasContent("src/a.rs\ndir with space/b.rs");
    assertThat(Files.readString(file)).endsWith("\n");
  }

  @Test
  void createsFolderAndFileWhenNothingWasPrepared() throws Exception {
    Path file = StageCommand.writeChangedList(request("é/ü.txt"));

    assertThat(Files.readString(file)).isEqualTo("é/ü.txt\n");
  }

  @Test
  void aLongerOlderListLeavesNothingBehind() throws Exception {
    RunRequest request = request("a");
    Files.createDirectories(request.runDir());
    Files.writeString(request.runDir().resolve("changed.txt"), "old/one\nold/two\n");

    Path file = StageCommand.writeChangedList(request);

    assertThat(Files.readString(file)).isEqualTo("a\n");
  }
}
