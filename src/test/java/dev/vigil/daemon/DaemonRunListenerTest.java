package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.report.ConsoleOptions;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.report.Notifier;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonRunListenerTest {
  @TempDir Path state;

  @Test
  void aStageStartReachesTheConsoleSoATerminalShowsTheLiveLine() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FakeScheduler clock = new FakeScheduler();
    ConsoleReporter console =
        ConsoleReporter.human(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            state,
            new ConsoleOptions(true, false, false, Optional.of(clock), Notifier.NONE));
    try (HistoryLog history = new HistoryLog(state, new Json())) {
      DaemonRunListener listener =
          new DaemonRunListener(console, history, new EventBus(), () -> {}, state, p -> state);
      RunRecord run =
          RunRecord.builder("app", Trigger.of(TriggerKind.MANUAL))
              .runId("app-1")
              .queuedAt(clock.now())
              .startedAt(clock.now())
              .build();

      listener.stageStarted(run, "test");
      clock.advance(Duration.ofSeconds(2));
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\r\u001B[K⟳ app: test 2.0s");
  }
}
