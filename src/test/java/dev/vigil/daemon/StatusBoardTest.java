package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

  private StatusBoard board() {
    return new StatusBoard(
        new StatusFileWriter(stateDir, new Json()),
        () -> {
          pictures.incrementAndGet();
          return new DaemonStatus(1, "test", "ready", Instant.EPOCH, null, null);
        },
        List::of,
        scheduler);
  }
}
