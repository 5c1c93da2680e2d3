package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.report.DaemonState;
import dev.vigil.report.DaemonStatus;
import dev.vigil.report.Json;
import dev.vigil.report.StatusFileWriter;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StatusBoardTest {
  @TempDir Path stateDir;

  private final FakeScheduler scheduler = new FakeScheduler();
  private final AtomicInteger pictures = new AtomicInteger();

  @Test
  void aBurstOfChangesIsWrittenOnceASettlePeriodAfterTheFirst() {
    try (StatusBoard board = board()) {
      Path file = stateDir.resolve(StatusFileWriter.FILE_NAME);
      board.changed();
      board.changed();
      scheduler.advance(StatusBoard.SETTLE.minusMillis(1));
      board.changed();

      assertThat(file).doesNotExist();

      scheduler.advance(Duration.ofMillis(1));

      await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
      assertThat(file).content().contains("\"ready\"");
      assertThat(pictures).hasValue(1);
      assertThat(scheduler.pending()).isZero();
    }
  }

  @Test
  void aStatusFileThatCannotBeWrittenIsSaidOnceAndAgainOnceItIsWritten() throws Exception {
    Path file = stateDir.resolve(StatusFileWriter.FILE_NAME);
    Files.createDirectories(file.resolve("in-the-way"));
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(StatusBoard.class);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addAppender(logged);
    logged.start();
    try (StatusBoard board = board()) {
      for (int i = 0; i < 3; i++) {
        board.writeNow();
      }
      assertThat(warnings(logged)).singleElement().asString().contains(file.toString());

      Files.delete(file.resolve("in-the-way"));
      Files.delete(file);
      board.writeNow();
      board.writeNow();

      assertThat(file).content().contains("\"ready\"");
      assertThat(warnings(logged)).hasSize(1);
      assertThat(logged.list)
          .filteredOn(e -> e.getLevel() == Level.INFO)
          .extracting(ILoggingEvent::getFormattedMessage)
          .singleElement()
          .asString()
          .contains("is written again");
    } finally {
      logger.detachAppender(logged);
      logger.setLevel(before);
    }
  }

  private static List<String> warnings(ListAppender<ILoggingEvent> logged) {
    return logged.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private StatusBoard board() {
    return new StatusBoard(
        new StatusFileWriter(stateDir, new Json()),
        () -> {
          pictures.incrementAndGet();
          return new DaemonStatus(1, "test", DaemonState.READY, Instant.EPOCH, null, null);
        },
        List::of,
        scheduler);
  }
}
