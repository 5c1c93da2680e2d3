package dev.vigil.process;

import static dev.vigil.process.Specs.awaitResult;
import static dev.vigil.process.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.time.FakeScheduler;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage's timeout runs on monotonic time: setting the wall clock neither ends nor delays it. */
class MonotonicTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void aWallClockJumpForwardsOrBackNeitherFiresNorDelaysTheTimeout() {
    FakeScheduler scheduler = new FakeScheduler();
    try (ProcessRunner runner = new ProcessRunner(scheduler)) {
      RunningCommand command =
          runner.start(Specs.withTimes(spec("sleep 120", dir), TIMEOUT, GRACE), line -> {});

      scheduler.jumpWallClock(Duration.ofHours(2));
      scheduler.advance(TIMEOUT.minusSeconds(1));
      scheduler.jumpWallClock(Duration.ofHours(-4));
      await()
          .during(Duration.ofMillis(500))
          .atMost(Specs.WAIT)
          .until(() -> !command.result().isDone());

      scheduler.advance(Duration.ofSeconds(1));

      assertThat(awaitResult(command).outcome()).isEqualTo(new Outcome.TimedOut());
    }
  }
}
