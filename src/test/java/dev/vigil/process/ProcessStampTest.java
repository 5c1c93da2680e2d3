package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessStampTest {
  @Test
  void aRunningProcessIsAliveAndAnotherPidIsNot() {
    ProcessStamp self = ProcessStamp.self();
    assertThat(self.alive()).isTrue();
    assertThat(new ProcessStamp(self.pid(), self.started() + "0").alive()).isFalse();
  }

  /**
   * A vigil killed with kill -9 stays a zombie until its parent reaps it, with its /proc entry and
   * start time as they were: the next daemon must take it for dead, or it leaves the killed run's
   * processes running and its run out of the history.
   */
  @Test
  void aProcessThatHasExitedButIsNotReapedYetIsNotAlive() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
    // The inner sleep exits after 0.2 s; its parent then execs a sleep that never waits for it.
    Process parent =
        new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 60")
            .redirectErrorStream(true)
            .start();
    try {
      String line =
          new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      long pid = Long.parseLong(line.trim());
      ProcessStamp child = ProcessStamp.of(pid).orElseThrow();
      Path stat = Path.of("/proc", Long.toString(pid), "stat");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.readString(stat).matches("(?s).*\\) Z .*"));

      assertThat(child.alive()).isFalse();
    } finally {
      parent.destroyForcibly().waitFor();
    }
  }
}
