package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
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
        "p-1",
        new Trigger(TriggerKind.CHANGE, List.of(paths), paths.length, false),
        Instant.now(),
        stateDir);
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

  @Test
  void theListHoldsEveryPathWhenTheRecordIsCutAt10000() throws Exception {
    List<String> all = new java.util.ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      all.add(String.format("src/m%03d/f%06d.rs", i % 1000, i));
    }
    Trigger cut = new Trigger(TriggerKind.CHANGE, all.subList(0, 10_000), all.size(), true);
    RunRequest request = new RunRequest("p-1", cut, Instant.now(), stateDir, all);

    Path file = StageCommand.writeChangedList(request);

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(100_000);
    assertThat(lines.get(99_999)).isEqualTo(all.get(99_999));
    assertThat(Files.readString(request.runDir().resolve("changed0.txt")).split("\0"))
        .hasSize(100_000);
  }

  @Test
  void aNameWithANewlineIsOneEntryOfTheNulSeparatedList() throws Exception {
    RunRequest request = request("a\nb.txt", "c.txt");

    StageCommand.writeChangedList(request);

    assertThat(Files.readString(request.runDir().resolve("changed0.txt")))
        .isEqualTo("a\nb.txt\0c.txt\0");
  }

  @Test
  void bothListsAreInTheStagesEnvironment() throws Exception {
    RunRequest request = request("a");
    Path list = StageCommand.writeChangedList(request);

    var env =
        StageCommand.spec(
                Stages.project(stateDir), Stages.stage("s", "true"), request, List.of("a"), list)
            .env();

    assertThat(env.get("VIGIL_CHANGED_LIST")).isEqualTo(list.toString());
    assertThat(env.get("VIGIL_CHANGED_LIST0"))
        .isEqualTo(request.runDir().resolve("changed0.txt").toString());
  }

  @Test
  void aNameThatLooksLikeAnOptionReachesTheCommandAsAPath() throws Exception {
    RunRequest request = request("--version", "-n", "src/-x");
    Path list = StageCommand.writeChangedList(request);

    String command =
        StageCommand.spec(
                Stages.project(stateDir),
                Stages.stage("s", "wc -c {changed}"),
                request,
                List.of("--version", "-n", "src/-x"),
                list)
            .command();

    assertThat(command).isEqualTo("wc -c './--version' './-n' 'src/-x'");
  }

  @Test
  void aStageThatKeepsItsBackgroundSaysSoInItsSpec() throws Exception {
    RunRequest request = request("a");
    Path list = StageCommand.writeChangedList(request);
    var plain = Stages.stage("s", "true");
    var keeping =
        new dev.vigil.config.StageConfig(
            plain.name(),
            plain.run(),
            plain.needs(),
            plain.when(),
            plain.timeout(),
            plain.killGrace(),
            plain.retry(),
            plain.env(),
            plain.format(),
            true);

    assertThat(
            StageCommand.spec(Stages.project(stateDir), plain, request, List.of(), list)
                .keepBackground())
        .isFalse();
    assertThat(
            StageCommand.spec(Stages.project(stateDir), keeping, request, List.of(), list)
                .keepBackground())
        .isTrue();
  }
}
