package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil daemon} through the jar: signals, the state dir lock, status.json. */
class DaemonIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path project;
  @TempDir Path state;
  private Process daemon;

  @AfterEach
  void kill() {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroyForcibly();
    }
  }

  @Test
  void sigtermCancelsTheRunKillsItsTreeWritesTheLastStatusAndExitsZero() throws Exception {
    Path pidFile = state.resolve("stage.pid");
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: slow, run: "echo $$ > '%s'; sleep 300"}
        """
            .formatted(pidFile));
    daemon = new VigilJar(project, state).start("daemon");
    await().atMost(WAIT).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
    long stagePid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(ProcessHandle.of(stagePid)).isPresent();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode running = status();
              assertThat(running.path("daemon").path("state").asText()).isEqualTo("ready");
              assertThat(running.path("projects").get(0).path("state").asText())
                  .isEqualTo("running");
            });

    daemon.destroy();

    assertThat(daemon.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).isZero();
    Optional<ProcessHandle> stage = ProcessHandle.of(stagePid);
    assertThat(stage.isEmpty() || !stage.get().isAlive()).as("stage process gone").isTrue();
    assertThat(status().path("daemon").path("state").asText()).isEqualTo("stopped");
    List<String> history = Files.readAllLines(state.resolve("history.jsonl"));
    assertThat(new ObjectMapper().readTree(history.get(0)).path("result").asText())
        .isEqualTo("cancelled");
  }

  @Test
  void aSecondDaemonOnTheSameStateDirExitsTwoNamingTheFirst() throws Exception {
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - {name: app, stages: [{name: s, run: "true"}]}
        """);
    daemon = new VigilJar(project, state).start("daemon");
    await()
        .atMost(WAIT)
        .until(
            () ->
                Files.exists(state.resolve("status.json"))
                    && status().path("daemon").path("state").asText().equals("ready"));

    VigilJar.Result second = new VigilJar(project, state).run("daemon");

    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.err()).contains("pid " + daemon.pid());
  }

  private JsonNode status() throws Exception {
    return new ObjectMapper().readTree(Files.readString(state.resolve("status.json")));
  }
}
