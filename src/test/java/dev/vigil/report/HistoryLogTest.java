package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLogTest {
  @TempDir Path stateDir;
  private final Json json = new Json();

  private static RunRecord run(String project, int n) {
    return Fixtures.run(project, project + "-" + n, RunResult.PASSED, Fixtures.passed("test", n));
  }

  private static List<String> ids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::runId).toList();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(stateDir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void eachRunIsOneJsonLine() throws IOException {
    try (HistoryLog history = new HistoryLog(stateDir, json)) {
      history.append(run("engine", 1));
      history.append(run("engine", 2));
    }

    List<String> lines = Files.readAllLines(stateDir.resolve("history.jsonl"));
    assertThat(lines).hasSize(2);
    assertThat(json.readRun(lines.get(0))).isEqualTo(run("engine", 1));
    assertThat(json.readRun(lines.get(1))).isEqualTo(run("engine", 2));
  }

  @Test
  void rollsBySizeAndKeepsAtMostTheGivenNumberOfFiles() throws IOException {
    long lineBytes = json.write(run("engine", 10)).length() + 1L;
    try (HistoryLog history = new HistoryLog(stateDir, json, lineBytes * 2, 3)) {
      for (int i = 10; i < 40; i++) {
        history.append(run("engine", i));
      }
    }

    assertThat(files())
        .containsExactly("history.1.jsonl", "history.2.jsonl", "history.3.jsonl", "history.jsonl");
    for (String name : files()) {
      assertThat(Files.size(stateDir.resolve(name))).isLessThanOrEqualTo(lineBytes * 3);
    }
    assertThat(json.readRun(Files.readAllLines(stateDir.resolve("history.jsonl")).get(0)).runId())
        .isNotEqualTo("engine-10");
  }

  @Test
  void readsNewestFirstAcrossRolledFiles() throws IOException {
    long lineBytes = json.write(run("engine", 10)).length() + 1L;
    try (HistoryLog history = new HistoryLog(stateDir, json, lineBytes * 2, 5)) {
      for (int i = 10; i < 18; i++) {
        history.append(run(i % 2 == 0 ? "engine" : "bot", i));
      }

      assertThat(files()).contains("history.1.jsonl", "history.2.jsonl");
      assertThat(ids(history.read(Optional.empty(), 5)))
          .containsExactly("bot-17", "engine-16", "bot-15", "engine-14", "bot-13");
      assertThat(ids(history.read(Optional.of("engine"), 3)))
          .containsExactly("engine-16", "engine-14", "engine-12");
      assertThat(ids(history.read(Optional.of("bot"), 100)))
          .containsExactly("bot-17", "bot-15", "bot-13", "bot-11");
      assertThat(history.read(Optional.of("nobody"), 10)).isEmpty();
      assertThat(history.read(Optional.empty(), 0)).isEmpty();
    }
  }

  @Test
  void malformedLinesAreSkippedAndCounted() throws IOException {
    try (HistoryLog history = new HistoryLog(stateDir, json)) {
      history.append(run("engine", 1));
      Files.writeString(
          stateDir.resolve("history.jsonl"),
          "{\"schema\":1,\"proj\n not json at all\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      history.append(run("engine", 2));

      HistoryLog.Page page = history.page(Optional.empty(), 10);

      assertThat(ids(page.runs())).containsExactly("engine-2", "engine-1");
      assertThat(page.skippedLines()).isEqualTo(2);
    }
  }

  @Test
  void aLineCutByACrashIsRepairedAtStartAndTheNextRunHasItsOwnLine() throws IOException {
    String whole = json.write(run("engine", 1)) + "\n";
    String cut = json.write(run("engine", 2));
    Files.writeString(
        stateDir.resolve("history.jsonl"), whole + cut.substring(0, cut.length() / 2));

    try (HistoryLog history = new HistoryLog(stateDir, json)) {
      history.append(run("engine", 3));

      HistoryLog.Page page = history.page(Optional.empty(), 10);
      assertThat(ids(page.runs())).containsExactly("engine-3", "engine-1");
      assertThat(page.skippedLines()).isZero();
    }
    assertThat(Files.readString(stateDir.resolve("history.jsonl")))
        .isEqualTo(whole + json.write(run("engine", 3)) + "\n");
  }

  @Test
  void readsWhatAnEarlierInstanceWrote() throws IOException {
    try (HistoryLog history = new HistoryLog(stateDir, json)) {
      history.append(run("engine", 1));
    }
    try (HistoryLog history = new HistoryLog(stateDir, json)) {
      history.append(run("engine", 2));
      assertThat(ids(history.read(Optional.empty(), 10))).containsExactly("engine-2", "engine-1");
    }
  }

  @Test
  void twoHistoriesInOneJvmStayApart(@TempDir Path otherDir) throws IOException {
    try (HistoryLog first = new HistoryLog(stateDir, json);
        HistoryLog second = new HistoryLog(otherDir, json)) {
      first.append(run("engine", 1));
      second.append(run("bot", 1));
      first.append(run("engine", 2));

      assertThat(ids(first.read(Optional.empty(), 10))).containsExactly("engine-2", "engine-1");
      assertThat(ids(second.read(Optional.empty(), 10))).containsExactly("bot-1");
    }
  }

  @Test
  void manyAppendsFromSeveralThreadsGiveWholeLines() throws Exception {
    try (HistoryLog history = new HistoryLog(stateDir, json, 32 * 1024, 5)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String project = "p" + t;
        Thread thread =
            new Thread(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    try {
                      history.append(run(project, i));
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                },
                "history-writer-" + t);
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(files()).contains("history.1.jsonl");
      HistoryLog.Page page = history.page(Optional.empty(), 1000);
      assertThat(page.skippedLines()).isZero();
      assertThat(page.runs()).hasSize(200);
      List<String> expected = new ArrayList<>();
      for (int i = 49; i >= 0; i--) {
        expected.add("p2-" + i);
      }
      assertThat(ids(history.read(Optional.of("p2"), 100))).isEqualTo(expected);
    }
  }

  @Test
  void aStateDirThatIsAFileIsReportedWithItsPath() throws IOException {
    Path notADir = Files.writeString(stateDir.resolve("state"), "x");

    assertThatThrownBy(() -> new HistoryLog(notADir, json))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(notADir.toString());
  }

  @Test
  void anUnwritableHistoryFileIsReportedWithItsPath() throws IOException {
    Files.createDirectories(stateDir.resolve("history.jsonl"));

    assertThatThrownBy(() -> new HistoryLog(stateDir, json))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(stateDir.resolve("history.jsonl").toString());
  }

  @Test
  void rejectsNonsenseLimits() throws IOException {
    assertThatThrownBy(() -> new HistoryLog(stateDir, json, 1024, 0))
        .hasMessageContaining("history file count must be 1 to 20: 0");
    try (HistoryLog history = new HistoryLog(stateDir, json)) {
      assertThatThrownBy(() -> history.read(Optional.empty(), -1))
          .hasMessageContaining("limit must not be negative: -1");
    }
  }
}
