package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil watch} through the jar: no config, a save runs the commands, SIGTERM exits 0. */
class WatchIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path project;
  @TempDir Path state;
  @TempDir Path logs;
  private Process watch;

  @AfterEach
  void kill() {
    if (watch != null && watch.isAlive()) {
      watch.destroyForcibly();
    }
  }

  @Test
  void aSaveRunsTheCommandsAndSigtermExitsZero() throws Exception {
    Files.writeString(project.resolve("notes.txt"), "first draft\n");
    Path log = logs.resolve("watch.log");
    watch =
        new VigilJar(project, state)
            .startLogging(
                log,
                "watch",
                "-x",
                "test -s notes.txt",
                "-x",
                "cat notes.txt; ! grep -q draft notes.txt");

    await().atMost(WAIT).until(() -> read(log).contains("run failed"));
    assertThat(read(log))
        .contains(project.getFileName() + ": test passed")
        .contains(project.getFileName() + ": cat failed")
        .contains("    first draft");

    Files.writeString(project.resolve("notes.txt"), "final text\n");

    await().atMost(WAIT).until(() -> read(log).contains("run passed"));
    assertThat(read(log)).contains(project.getFileName() + ": notes.txt changed");

    watch.destroy();

    assertThat(watch.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(watch.exitValue()).isZero();
    assertThat(state.resolve("watch")).isDirectory();
    assertThat(state.resolve("daemon.lock")).doesNotExist();
  }

  private static String read(Path log) throws Exception {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
