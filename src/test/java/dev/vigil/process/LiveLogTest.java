package dev.vigil.process;

import static dev.vigil.process.Specs.awaitResult;
import static dev.vigil.process.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.time.SystemScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running stage's log can be followed: every line it printed is in the file while it still runs.
 */
class LiveLogTest {
  @TempDir Path dir;

  private final SystemScheduler scheduler = new SystemScheduler("test-scheduler");
  private final ProcessRunner runner = new ProcessRunner(scheduler);

  @AfterEach
  void close() {
    runner.close();
    scheduler.close();
  }

  @Test
  void outputReachesTheLogWhileTheCommandStillRuns() throws Exception {
    Path log = dir.resolve("runs/1/build.log");
    Path release = dir.resolve("release");
    // 24 KB in 300 lines of 80 bytes, then it waits until the test lets it go.
    String command =
        "i=0; while [ $i -lt 300 ]; do printf '%079d\\n' $i; i=$((i+1)); done;"
            + " while [ ! -e release ]; do sleep 0.05; done; echo done";
    RunningCommand running = runner.start(Specs.withLog(spec(command, dir), log, 1 << 20), l -> {});

    await().atMost(Specs.WAIT).until(() -> Files.exists(log) && Files.size(log) == 300 * 80);
    assertThat(running.result()).isNotDone();
    Files.createFile(release);
    awaitResult(running);
    assertThat(Files.size(log)).isEqualTo(300 * 80 + 5);
  }
}
