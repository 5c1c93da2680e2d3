package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil daemon} through the jar, driven by the client commands over the local API. */
class DaemonApiIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path project;
  @TempDir Path state;
  private Process daemon;

  @AfterEach
  void killDaemon() {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroyForcibly();
    }
  }

  @Test
  void theClientCommandsDriveARunningDaemonAndStopIt() throws Exception {
    Path err = state.resolve("daemon.err");
    daemon = startDaemon(err, "--port", "0");
    await().atMost(WAIT).until(() -> Files.exists(state.resolve("api.json")));
    await()
        .atMost(WAIT)
        .until(() -> Files.readString(err).contains("vigil: api at http://127.0.0.1:"));
    assertThat(Files.readString(err)).doesNotContain("token");

    VigilJar vigil = new VigilJar(project, state);
    VigilJar.Result trigger = vigil.run("trigger", "app");
    assertThat(trigger.exitCode()).as(trigger.err()).isZero();
    await()
        .atMost(WAIT)
        .until(
            () ->
                Files.exists(state.resolve("history.jsonl"))
                    && !Files.readString(state.resolve("history.jsonl")).isEmpty());
    VigilJar.Result status = vigil.run("status");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).containsPattern("app +watching +passed");
    assertThat(vigil.run("logs", "app").out()).contains("hello from app");

    VigilJar.Result stop = vigil.run("stop");
    assertThat(stop.exitCode()).as(stop.err()).isZero();
    assertThat(daemon.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).isZero();
    assertThat(state.resolve("api.json")).doesNotExist();

    VigilJar.Result after = vigil.run("status");
    assertThat(after.exitCode()).isZero();
    assertThat(after.out())
        .startsWith("daemon: not running (stopped at ")
        .doesNotContain("watching");
    assertThat(vigil.run("trigger").exitCode()).isEqualTo(3);
  }

  @Test
  void aTakenPortIsAClearErrorAndNoDaemonIsLeft() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path err = state.resolve("daemon.err");
      daemon = startDaemon(err, "--port", String.valueOf(taken.getLocalPort()));
      assertThat(daemon.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(daemon.exitValue()).isEqualTo(2);
      assertThat(Files.readString(err, StandardCharsets.UTF_8))
          .contains("cannot start the local API on 127.0.0.1:" + taken.getLocalPort(), "--port");
    }
  }

  private Process startDaemon(Path err, String... extra) throws IOException {
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: hello, run: "echo hello from app"}
        """);
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                Path.of(System.getProperty("vigil.jar", "target/vigil.jar"))
                    .toAbsolutePath()
                    .toString(),
                "daemon",
                "--state-dir",
                state.toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
    pb.environment().remove("VIGIL_CONFIG");
    pb.environment().remove("VIGIL_STATE_DIR");
    pb.environment().put("XDG_CONFIG_HOME", project.resolve(".no-xdg").toString());
    return pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
  }
}
