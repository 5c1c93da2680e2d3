package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.TmpfsMount;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's side of a state dir that fills up or turns read-only: it goes on, says why once on
 * the console, and writes the held runs once the state dir takes them again.
 */
class StateDirFaultsTest {
  @TempDir Path tmp;
  private TmpfsMount mount;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private HistoryLog history;
  private DaemonRunListener listener;

  @BeforeEach
  void start() throws Exception {
    mount = TmpfsMount.mount(tmp.resolve("state"), "256k");
    assumeTrue(mount.mounted(), mount.whyNot());
    history = new HistoryLog(mount.dir(), new Json());
    listener =
        new DaemonRunListener(
            ConsoleReporter.human(
                new PrintStream(console, true, StandardCharsets.UTF_8), mount.dir(), false),
            history,
            new EventBus(),
            () -> {},
            mount.dir(),
            p -> tmp);
  }

  @AfterEach
  void stop() throws Exception {
    if (history != null) {
      history.close();
    }
    mount.close();
  }

  private static RunRecord run(int n) {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    return RunRecord.builder(
            "app", new Trigger(TriggerKind.CHANGE, List.of("src/lib.rs"), 1, false))
        .runId("app-" + n)
        .queuedAt(t)
        .startedAt(t)
        .finished(t.plusMillis(5), 5, RunResult.PASSED)
        .build();
  }

  private List<String> notes(String word) {
    return console.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(word)).toList();
  }

  private List<String> ids() throws Exception {
    return history.read(Optional.empty(), 100).stream().map(RunRecord::runId).toList();
  }

  @Test
  void stateDirReadOnlySaysWhyOnceAndResumesWriting() throws Exception {
    listener.runFinished(run(1));
    mount.remount("ro");

    listener.runFinished(run(2));
    listener.runFinished(run(3));

    assertThat(notes("Read-only file system")).hasSize(1);
    assertThat(notes("Read-only file system").get(0)).contains("history.jsonl", "held");
    mount.remount("rw");
    listener.runFinished(run(4));

    assertThat(notes("written again")).hasSize(1);
    assertThat(ids()).containsExactly("app-4", "app-3", "app-2", "app-1");
  }

  @Test
  void stateDirFullThenFreedSaysWhyOnceAndResumesWriting() throws Exception {
    listener.runFinished(run(1));
    Path filler = mount.fill();

    for (int i = 2; i < 40; i++) {
      listener.runFinished(run(i));
    }

    assertThat(notes("No space left")).hasSize(1);
    Files.delete(filler);
    listener.runFinished(run(40));

    assertThat(notes("written again")).hasSize(1);
    assertThat(ids()).hasSize(40).startsWith("app-40", "app-39").endsWith("app-1");
  }
}
