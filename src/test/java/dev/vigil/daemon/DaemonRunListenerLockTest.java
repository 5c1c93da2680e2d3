package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console hears of the history's trouble with no lock of the listener held: a console that
 * waits for another run to reach the history (a slow terminal while a second project ends) does not
 * stall it.
 */
class DaemonRunListenerLockTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path state;

  @Test
  void aConsoleWaitingForAnotherRunToReachTheHistoryDoesNotDeadlock() throws Exception {
    try (HistoryLog history = new HistoryLog(state, new Json())) {
      Files.createDirectories(state.resolve("history.jsonl")); // the history takes no run now
      AtomicReference<DaemonRunListener> listener = new AtomicReference<>();
      AtomicBoolean asked = new AtomicBoolean();
      List<String> seen = new CopyOnWriteArrayList<>();
      List<Thread> others = new CopyOnWriteArrayList<>();
      OutputStream terminal =
          new OutputStream() {
            @Override
            public void write(int b) {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              seen.add(new String(b, off, len, StandardCharsets.UTF_8));
              if (!asked.compareAndSet(false, true)) {
                return;
              }
              Thread other = new Thread(() -> listener.get().runFinished(run("app-2")));
              others.add(other);
              other.start();
              try {
                await().atMost(WAIT).until(() -> history.held() == 2);
                seen.add("<the second run reached the history>");
              } catch (ConditionTimeoutException e) {
                seen.add("<stuck>");
              }
            }
          };
      ConsoleReporter console =
          ConsoleReporter.human(
              new PrintStream(terminal, true, StandardCharsets.UTF_8), state, false);
      listener.set(
          new DaemonRunListener(console, history, new EventBus(), () -> {}, state, p -> state));

      assertTimeoutPreemptively(
          WAIT.multipliedBy(3),
          () -> {
            listener.get().runFinished(run("app-1"));
            for (Thread other : others) {
              other.join();
            }
          });

      assertThat(seen).contains("<the second run reached the history>").doesNotContain("<stuck>");
      assertThat(String.join("", seen)).contains("runs are held in memory");
      assertThat(history.held()).isEqualTo(2);
    }
  }

  private static RunRecord run(String id) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return RunRecord.builder("app", Trigger.of(TriggerKind.MANUAL))
        .runId(id)
        .queuedAt(t)
        .startedAt(t)
        .build();
  }
}
