package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.control.ApiFixture;
import dev.vigil.report.Json;
import dev.vigil.report.ProjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against a daemon started in the test, and with none running. */
class ClientCommandsTest {
  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "test-cli-follow");
            t.setDaemon(true);
            return t;
          });

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void statusShowsTheTableFromTheDaemon() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("exit 3"));
    cli("trigger", "app");
    fx.awaitRuns(1);
    Cli cli = new Cli(root);
    assertThat(cli.run("status", "--state-dir", state.toString())).isZero();
    assertThat(cli.out())
        .startsWith("daemon: ready (pid " + ProcessHandle.current().pid() + ")\n")
        .containsPattern("PROJECT +STATE +LAST +FAILING +AGE")
        .containsPattern("app +watching +failed +check +\\d+s ago");
  }

  @Test
  void triggerNoCacheRunsAStageTheCacheWouldAnswer(@TempDir Path outside) throws Exception {
    Path ran = outside.resolve("ran");
    fx.start(
        root,
        state,
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            ignore: [vigil.yaml]
            stages:
              - {name: check, run: "echo ran >> '%s'", cache: true}
        """
            .formatted(ran));
    cli("trigger", "app");
    fx.awaitRuns(1);
    await()
        .atMost(ApiFixture.WAIT)
        .until(
            () ->
                Files.isDirectory(state.resolve("cache"))
                    && Files.list(state.resolve("cache"))
                        .anyMatch(f -> !f.getFileName().toString().startsWith(".")));
    cli("trigger", "app");
    fx.awaitRuns(2);
    assertThat(Files.readAllLines(ran)).hasSize(1);

    Cli noCache = cli("trigger", "--no-cache", "app");
    fx.awaitRuns(3);

    assertThat(noCache.out()).isEqualTo("triggered app\n");
    assertThat(Files.readAllLines(ran)).hasSize(2);
  }

  @Test
  void statusJsonIsTheRawStatus() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    Cli cli = new Cli(root);
    assertThat(cli.run("status", "--json", "--state-dir", state.toString())).isZero();
    JsonNode status = new Json().mapper().readTree(cli.out());
    assertThat(status.get("projects").get(0).get("name").asText()).isEqualTo("app");
  }

  @Test
  void withoutADaemonStatusShowsTheLastStatusFile() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    fx.server.close();
    fx.daemon.stop().join();
    Cli cli = new Cli(root);
    assertThat(cli.run("status", "--state-dir", state.toString())).isZero();
    assertThat(cli.out())
        .startsWith("daemon: not running (stopped at ")
        .containsPattern("\napp +stopped +- +- +-\n");
  }

  @Test
  void afterStopStatusSaysTheDaemonIsNotRunningAndShowsEachProjectsLastResult() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("exit 3"));
    cli("trigger", "app");
    fx.awaitRuns(1);
    cli("stop");
    fx.daemon.stopped().get(30, java.util.concurrent.TimeUnit.SECONDS);
    fx.server.close(); // as the daemon's process does once stopped

    Cli cli = cli("status");

    assertThat(cli.out())
        .startsWith("daemon: not running (stopped at ")
        .containsPattern("\napp +stopped +failed +check +\\d+s ago\n")
        .doesNotContain("watching");
    JsonNode file = new Json().mapper().readTree(state.resolve("status.json").toFile());
    assertThat(file.get("daemon").get("state").asText()).isEqualTo("stopped");
    assertThat(file.get("projects").get(0).get("state").asText()).isEqualTo("stopped");
    assertThat(file.get("projects").get(0).get("lastRun").get("result").asText())
        .isEqualTo("failed");
  }

  @Test
  void statusOfADaemonThatDiedShowsItsProjectsAsStopped() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(
        state.resolve("status.json"),
        """
        {"schema": 1,
         "daemon": {"pid": %d, "version": "0.1.0", "state": "ready",
                    "startedAt": "2026-01-01T00:00:00Z", "configFile": null, "configError": null},
         "projects": [{"name": "app", "root": "/src/app", "state": "running",
                       "pendingChanges": 0, "stale": false, "lastRun": null}]}
        """
            .formatted(gone.pid()));

    Cli cli = cli("status");

    assertThat(cli.out())
        .startsWith("daemon: not running (it did not stop cleanly; last status from ")
        .containsPattern("\napp +stopped +- +- +-\n");
  }

  @Test
  void withNoDaemonAndNoStatusFileStatusExits3() {
    Cli cli = new Cli(root);
    assertThat(cli.run("status", "--state-dir", state.toString())).isEqualTo(3);
    assertThat(cli.err()).contains("no daemon is running for " + state, "vigil daemon");
  }

  @Test
  void commandsWithoutADaemonExit3WithOneLine() {
    for (String[] args :
        new String[][] {
          {"trigger"},
          {"pause", "app"},
          {"resume"},
          {"reload"},
          {"stop"},
          {"events"},
          {"open"},
          {"logs", "app"}
        }) {
      Cli cli = new Cli(root);
      String[] full = java.util.Arrays.copyOf(args, args.length + 2);
      full[args.length] = "--state-dir";
      full[args.length + 1] = state.toString();
      assertThat(cli.run(full)).as(String.join(" ", args)).isEqualTo(3);
      assertThat(cli.err())
          .isEqualTo(
              "vigil: no daemon is running for "
                  + state
                  + "; start one with 'vigil daemon' (or 'vigil service install')\n");
    }
  }

  @Test
  void aStaleApiFileIsNoDaemon() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    String apiJson = Files.readString(state.resolve("api.json"));
    fx.server.close();
    fx.daemon.stop().join();
    // the daemon died without cleaning up: api.json is left, nothing listens on its port
    Files.writeString(state.resolve("api.json"), apiJson);
    Cli refused = new Cli(root);
    assertThat(refused.run("trigger", "--state-dir", state.toString())).isEqualTo(3);
    assertThat(refused.err()).contains("no daemon is running");

    // status.json names a PID that is gone
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String status = Files.readString(state.resolve("status.json"));
    Files.writeString(
        state.resolve("status.json"),
        status.replace("\"pid\":" + ProcessHandle.current().pid(), "\"pid\":" + gone.pid()));
    Cli dead = new Cli(root);
    assertThat(dead.run("pause", "--state-dir", state.toString())).isEqualTo(3);
    assertThat(dead.err()).contains("no daemon is running");
  }

  @Test
  void aGarbledApiFileIsNamed() throws Exception {
    Files.writeString(state.resolve("api.json"), "{\"url\": \"http://127.0.0.1:1\"}");
    Cli cli = new Cli(root);
    assertThat(cli.run("trigger", "--state-dir", state.toString())).isEqualTo(3);
    assertThat(cli.err()).contains(state.resolve("api.json") + ": not a vigil API file");
  }

  @Test
  void triggerPauseResumeAndUnknownProjects() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("echo ran"));
    Cli trigger = cli("trigger", "app");
    assertThat(trigger.out()).isEqualTo("triggered app\n");
    fx.awaitRuns(1);

    cli("pause");
    await()
        .atMost(ApiFixture.WAIT)
        .until(() -> fx.daemon.status().projects().get(0).state() == ProjectState.PAUSED);
    cli("resume", "app");
    await()
        .atMost(ApiFixture.WAIT)
        .until(() -> fx.daemon.status().projects().get(0).state() != ProjectState.PAUSED);

    Cli unknown = new Cli(root);
    assertThat(unknown.run("trigger", "nope", "--state-dir", state.toString())).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown project 'nope'", "app");
  }

  @Test
  void reloadReportsABadConfigWithExit2() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    cli("reload");
    Files.writeString(root.resolve("vigil.yaml"), "version: 1\nprojectz: []\n");
    Cli bad = new Cli(root);
    assertThat(bad.run("reload", "--state-dir", state.toString())).isEqualTo(2);
    assertThat(bad.err()).contains("vigil.yaml", "projectz");
  }

  @Test
  void stopStopsTheDaemon() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    cli("stop");
    fx.daemon.stopped().get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void logsPrintsTheLatestRunsStageLogs() throws Exception {
    fx.start(
        root,
        state,
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: check, run: "echo check-says $VIGIL_RUN_ID"}
              - {name: test, run: "echo test-says $VIGIL_RUN_ID", needs: [check]}
        """);
    cli("trigger", "app");
    fx.awaitRuns(1);
    cli("trigger", "app");
    fx.awaitRuns(2);

    Cli all = cli("logs", "app");
    assertThat(all.out())
        .contains("==> app-2 check (passed) <==\ncheck-says app-2\n")
        .contains("==> app-2 test (passed) <==\ntest-says app-2\n")
        .doesNotContain("app-1");
    assertThat(cli("logs", "app", "--stage", "test", "--run", "app-1").out())
        .isEqualTo("==> app-1 test (passed) <==\ntest-says app-1\n");

    Cli noStage = new Cli(root);
    assertThat(noStage.run("logs", "app", "--stage", "lint", "--state-dir", state.toString()))
        .isEqualTo(2);
    assertThat(noStage.err()).contains("no stage 'lint'", "check, test");
    Cli noProject = new Cli(root);
    assertThat(noProject.run("logs", "nope", "--state-dir", state.toString())).isEqualTo(2);
  }

  @Test
  void logsShowCargoJsonAsCargosOwnTextAndRawShowsTheRecords() throws Exception {
    String json =
        "{\"reason\":\"compiler-message\",\"message\":{\"level\":\"error\","
            + "\"message\":\"mismatched types\",\"spans\":[],\"children\":[],"
            + "\"rendered\":\"error[E0308]: mismatched types\\n --> src/lib.rs:2:18\\n\"}}";
    Files.writeString(
        root.resolve("tool.sh"),
        "printf '%s\\n' '{\"reason\":\"compiler-artifact\",\"package_id\":\"dep\"}'\n"
            + "printf '%s\\n' '"
            + json
            + "'\nprintf '\\033[31merror\\033(B\\033[m: could not compile\\n'\nexit 101\n");
    fx.start(root, state, ApiFixture.oneStage("sh tool.sh"));
    cli("trigger", "app");
    fx.awaitRuns(1);

    assertThat(cli("logs", "app").out())
        .isEqualTo(
            "==> app-1 check (failed) <==\n"
                + "error[E0308]: mismatched types\n --> src/lib.rs:2:18\n"
                + "error: could not compile\n");
    assertThat(cli("logs", "app", "--raw").out()).contains(json, "compiler-artifact");
  }

  @Test
  void logsWithoutAProjectPicksTheOnlyOneOrNamesThemAll() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("echo only-project"));
    cli("trigger", "app");
    fx.awaitRuns(1);

    assertThat(cli("logs").out()).isEqualTo("==> app-1 check (passed) <==\nonly-project\n");

    Files.writeString(
        root.resolve("vigil.yaml"),
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: check, run: "echo only-project"}
          - name: web
            root: web
            stages:
              - {name: lint, run: "true"}
        """);
    Files.createDirectories(root.resolve("web"));
    cli("reload");
    Cli two = new Cli(root);
    assertThat(two.run("logs", "--state-dir", state.toString())).isEqualTo(2);
    assertThat(two.err()).contains("which project", "app, web");
  }

  @Test
  void logsOfASkippedStageSaysWhyItHasNoLogAndExits0() throws Exception {
    fx.start(
        root,
        state,
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: check, run: "echo broken; exit 1"}
              - {name: test, run: "echo never", needs: [check]}
        """);
    cli("trigger", "app");
    fx.awaitRuns(1);

    assertThat(cli("logs", "app", "--stage", "test").out())
        .isEqualTo(
            "==> app-1 test (skipped) <==\n"
                + "skipped, so it has no log: a stage it needs did not pass (check failed)\n");
    assertThat(cli("logs", "app").out())
        .isEqualTo(
            "==> app-1 check (failed) <==\nbroken\n"
                + "==> app-1 test (skipped) <==\n"
                + "skipped, so it has no log: a stage it needs did not pass (check failed)\n");
  }

  @Test
  void logsFollowPrintsNewRunsUntilTheDaemonStops() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("echo said $VIGIL_RUN_ID"));
    Cli follow = new Cli(root);
    Future<Integer> exit =
        background.submit(
            () -> follow.run("logs", "app", "--follow", "--state-dir", state.toString()));
    await().atMost(ApiFixture.WAIT).until(() -> fx.daemon.events().subscriberCount() == 1);
    assertThat(follow.out()).isEmpty();

    cli("trigger", "app");
    await().atMost(ApiFixture.WAIT).until(() -> follow.out().contains("said app-1"));
    cli("trigger");
    await().atMost(ApiFixture.WAIT).until(() -> follow.out().contains("said app-2"));
    assertThat(follow.out()).contains("==> app-1 check (passed) <==");
    fx.server.close();
    assertThat(exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).as(follow.err()).isZero();
  }

  @Test
  void logsFollowStartsWithTheLatestRun() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("echo said $VIGIL_RUN_ID"));
    cli("trigger", "app");
    fx.awaitRuns(1);
    Cli follow = new Cli(root);
    Future<Integer> exit =
        background.submit(
            () -> follow.run("logs", "app", "--follow", "--state-dir", state.toString()));
    await().atMost(ApiFixture.WAIT).until(() -> follow.out().contains("said app-1"));
    cli("trigger", "app");
    await().atMost(ApiFixture.WAIT).until(() -> follow.out().contains("said app-2"));

    fx.server.close();
    assertThat(exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).as(follow.err()).isZero();
  }

  @Test
  void eventsPrintsOneJsonLinePerEvent() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    Cli events = new Cli(root);
    Future<Integer> exit =
        background.submit(() -> events.run("events", "--state-dir", state.toString()));
    await().atMost(ApiFixture.WAIT).until(() -> fx.daemon.events().subscriberCount() == 1);
    cli("trigger");
    await().atMost(ApiFixture.WAIT).until(() -> events.out().contains("run-finished"));
    fx.server.close();
    assertThat(exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).as(events.err()).isZero();
    for (String line : events.out().split("\n")) {
      assertThat(new Json().mapper().readTree(line).get("type").asText())
          .matches("(run|stage)-[a-z]+");
    }
  }

  @Test
  void openPrintsTheDashboardUrlWithTheTokenInTheFragment() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    Cli open = cli("open");
    assertThat(open.out().strip())
        .isEqualTo(fx.server.endpoint().url() + "/#token=" + fx.server.endpoint().token());
  }

  private Cli cli(String... args) {
    Cli cli = new Cli(root);
    String[] full = java.util.Arrays.copyOf(args, args.length + 2);
    full[args.length] = "--state-dir";
    full[args.length + 1] = state.toString();
    assertThat(cli.run(full)).as(cli.err()).isZero();
    return cli;
  }
}
