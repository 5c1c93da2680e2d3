package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil once} beside a running daemon of the same state dir: the daemon does the run, so its
 * id is unique, it is in the daemon's history and {@code vigil logs} shows it; a once given another
 * config for the project runs in its own process and says so.
 */
class OnceBesideDaemonIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String CONFIG =
      """
      version: 1
      defaults: {run_on_start: false}
      projects:
        - name: app
          stages:
            - {name: check, run: "echo checking $VIGIL_RUN_ID"}
            - {name: test, run: "echo testing; exit ${FAIL:-0}", needs: [check]}
      """;

  @TempDir Path project;
  @TempDir Path state;
  @TempDir Path elsewhere;
  private Process daemon;

  @AfterEach
  void killDaemon() {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroyForcibly();
    }
  }

  @Test
  void theDaemonDoesTheRunOfOnceWithAUniqueIdInItsHistory() throws Exception {
    Path log = startDaemon();
    VigilJar vigil = new VigilJar(project, state);

    VigilJar.Result once = vigil.run("once");

    assertThat(once.exitCode()).as(once.err()).isZero();
    assertThat(once.out()).contains("check").contains("test").contains("passed");
    assertThat(once.err()).doesNotContain("running here");
    List<String> history = Files.readAllLines(state.resolve("history.jsonl"));
    assertThat(history).hasSize(1);
    assertThat(new ObjectMapper().readTree(history.get(0)).path("runId").asText())
        .isEqualTo("app-1");
    await().atMost(WAIT).until(() -> Files.readString(log).contains("app"));
    assertThat(vigil.run("logs", "app").out()).contains("checking app-1");

    VigilJar.Result second = vigil.run("once", "--json");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(
            new ObjectMapper()
                .readTree(second.out().lines().findFirst().orElseThrow())
                .path("runId")
                .asText())
        .isEqualTo("app-2");
    assertThat(Files.readAllLines(state.resolve("history.jsonl"))).hasSize(2);
  }

  @Test
  void aFailedRunOnTheDaemonEndsOnceWithExitOne() throws Exception {
    Files.writeString(project.resolve("vigil.yaml"), CONFIG.replace("${FAIL:-0}", "3"));
    startDaemonOnWrittenConfig();

    VigilJar.Result once = new VigilJar(project, state).run("once");

    assertThat(once.exitCode()).as(once.err()).isEqualTo(1);
    assertThat(once.out()).contains("testing").contains("failed");
    assertThat(once.err()).doesNotContain("running here");
    assertThat(Files.readAllLines(state.resolve("history.jsonl"))).hasSize(1);
  }

  @Test
  void anotherConfigForTheProjectRunsInProcessAndSaysSo() throws Exception {
    startDaemon();
    Path other = elsewhere.resolve("other.yaml"); // not under the watched root
    Files.writeString(
        other,
        CONFIG
            .replace("echo checking", "echo other")
            .replace("- name: app", "- name: app\n    root: " + project));

    VigilJar.Result once = new VigilJar(project, state).run("once", "--config", other.toString());

    assertThat(once.exitCode()).as(once.err()).isZero();
    assertThat(once.err()).contains("config for project 'app' differs").contains("running here");
    assertThat(once.out()).contains("passed");
    List<String> history = Files.readAllLines(state.resolve("history.jsonl"));
    assertThat(history).hasSize(1);
    assertThat(new ObjectMapper().readTree(history.get(0)).path("runId").asText())
        .isEqualTo("app-1");
  }

  private Path startDaemon() throws Exception {
    Files.writeString(project.resolve("vigil.yaml"), CONFIG);
    return startDaemonOnWrittenConfig();
  }

  private Path startDaemonOnWrittenConfig() throws Exception {
    Path log = state.resolve("daemon.log");
    daemon = new VigilJar(project, state).startLogging(log, "daemon", "--port", "0");
    await().atMost(WAIT).until(() -> Files.exists(state.resolve("api.json")));
    await().atMost(WAIT).until(() -> Files.readString(log).contains("vigil: watching"));
    return log;
  }
}
