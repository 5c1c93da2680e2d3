package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon killed with SIGKILL while a stage runs, then started again. */
class KillRecoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path project;
  @TempDir Path state;
  private final List<Process> daemons = new ArrayList<>();
  private final List<Long> sleeps = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (Process daemon : daemons) {
      daemon.destroy();
      if (!daemon.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
    sleeps.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void aRestartedDaemonEndsTheStageAKilledOneLeftAndRecordsTheCutRun() throws Exception {
    Path pidFile = project.resolve("sleep.pid");
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            ignore: [sleep.pid]
            stages:
              - {name: slow, run: "echo started; sleep 300 & echo $! > sleep.pid; wait"}
        """);
    VigilJar vigil = new VigilJar(project, state);
    Process first = vigil.start("daemon");
    daemons.add(first);
    long sleepPid = awaitPid(pidFile);
    sleeps.add(sleepPid);
    await().atMost(WAIT).until(() -> projectState().equals("running"));

    first.destroyForcibly(); // SIGKILL
    assertThat(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(alive(sleepPid)).as("the stage's sleep outlives the killed daemon").isTrue();
    Files.delete(pidFile);

    daemons.add(vigil.start("daemon"));

    await().atMost(WAIT).until(() -> !alive(sleepPid));
    sleeps.add(awaitPid(pidFile)); // the new daemon's own startup run
    JsonNode cut =
        await().atMost(WAIT).until(() -> historyRun("app-1"), Optional::isPresent).orElseThrow();
    assertThat(cut.path("result").asText()).isEqualTo("error");
    JsonNode stage = cut.path("stages").get(0);
    assertThat(stage.path("name").asText()).isEqualTo("slow");
    assertThat(stage.path("status").asText()).isEqualTo("cancelled");
    assertThat(stage.path("outputTail").asText())
        .contains("started")
        .contains("the daemon was killed while this stage ran");
    assertThat(Files.readString(state.resolve(stage.path("logFile").asText())))
        .contains("the daemon was killed while this stage ran");
  }

  private long awaitPid(Path pidFile) {
    await()
        .atMost(WAIT)
        .until(() -> Files.exists(pidFile) && Files.readString(pidFile).endsWith("\n"));
    try {
      return Long.parseLong(Files.readString(pidFile).trim());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Optional<JsonNode> historyRun(String runId) throws Exception {
    Path history = state.resolve("history.jsonl");
    if (!Files.exists(history)) {
      return Optional.empty();
    }
    ObjectMapper mapper = new ObjectMapper();
    for (String line : Files.readAllLines(history)) {
      JsonNode run = mapper.readTree(line);
      if (run.path("runId").asText().equals(runId)) {
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  private String projectState() throws Exception {
    Path status = state.resolve("status.json");
    if (!Files.exists(status)) {
      return "";
    }
    return new ObjectMapper()
        .readTree(status.toFile())
        .path("projects")
        .path(0)
        .path("state")
        .asText();
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
