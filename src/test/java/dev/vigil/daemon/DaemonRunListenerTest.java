package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.report.ConsoleOptions;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.report.Notifier;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

  @Test
  void diagnosticsThatCannotBeWrittenAreSaidOnceAndAgainOnceTheyAreWritten() throws Exception {
    Files.writeString(state.resolve("diagnostics"), "in the way"); // no folder can be made here
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(DaemonRunListener.class);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addAppender(logged);
    logged.start();
    ConsoleReporter console =
        ConsoleReporter.human(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            state,
            false);
    try (HistoryLog history = new HistoryLog(state, new Json())) {
      DaemonRunListener listener =
          new DaemonRunListener(console, history, new EventBus(), () -> {}, state, p -> state);
      for (int i = 1; i <= 3; i++) {
        listener.runFinished(passed("app-" + i));
      }
      assertThat(levels(logged, Level.WARN)).singleElement().asString().contains("app-1");

      Files.delete(state.resolve("diagnostics"));
      listener.runFinished(passed("app-4"));
      listener.runFinished(passed("app-5"));

      assertThat(state.resolve("diagnostics/app.sarif")).exists();
      assertThat(levels(logged, Level.WARN)).hasSize(1);
      assertThat(levels(logged, Level.INFO)).singleElement().asString().contains("written again");
    } finally {
      logger.detachAppender(logged);
      logger.setLevel(before);
    }
  }

  private static RunRecord passed(String runId) {
    Instant at = Instant.parse("2026-12-05T12:00:00Z");
    return RunRecord.builder("app", Trigger.of(TriggerKind.MANUAL))
        .runId(runId)
        .queuedAt(at)
        .startedAt(at)
        .finished(at, 10, RunResult.PASSED)
        .build();
  }

  private static List<String> levels(ListAppender<ILoggingEvent> logged, Level level) {
    return logged.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
