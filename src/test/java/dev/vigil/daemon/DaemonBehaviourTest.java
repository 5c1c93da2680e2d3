package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vigil.config.ConfigLoader;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.DaemonState;
import dev.vigil.report.ProjectState;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.TriggerKind;
import dev.vigil.watch.WatchSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The daemon end to end, in-process: feedback loops, git, bulk changes, busy policy, reload. */
class DaemonBehaviourTest {
  private static final Duration QUIET = Duration.ofSeconds(1);

  @RegisterExtension final DaemonFixture fx = new DaemonFixture();
  @TempDir Path root;
  @TempDir Path state;

  @Test
  void aStageWritingIntoAnIgnoredFolderCausesNoFurtherRun() throws Exception {
    Files.writeString(root.resolve(".gitignore"), "target/\n");
    Files.writeString(root.resolve("main.txt"), "a");
    fx.start(
        root,
        state,
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: build, run: "mkdir -p target/out && date +%N > target/out/artifact && echo built"}
        """);
    RunRecord startup = fx.awaitRun(1);
    assertThat(startup.trigger().kind()).isEqualTo(TriggerKind.STARTUP);
    assertThat(root.resolve("target/out/artifact")).exists();
    fx.assertStaysAt(1, QUIET);

    Files.writeString(root.resolve("main.txt"), "b");
    assertThat(fx.awaitRun(2).trigger().changed()).containsExactly("main.txt");
    fx.assertStaysAt(2, QUIET);
  }

  @Test
  void atStartupAProjectWithAfterWaitsForItsUpstreamAndRunsOnce() throws Exception {
    Files.createDirectories(root.resolve("engine"));
    Files.createDirectories(root.resolve("bindings"));
    fx.start(
        root,
        state,
        """
        version: 1
        projects:
          - name: engine
            root: engine
            stages:
              - {name: check, run: "sleep 1; echo engine ok"}
          - name: bindings
            root: bindings
            after: [engine]
            stages:
              - {name: test, run: "echo bindings ok"}
        """);

    fx.awaitRun(2);
    fx.assertStaysAt(2, QUIET.multipliedBy(2));
    List<RunRecord> runs = fx.runs();
    assertThat(runs).extracting(RunRecord::project).containsExactly("engine", "bindings");
    assertThat(runs).extracting(RunRecord::result).containsOnly(RunResult.PASSED);
    assertThat(runs).extracting(r -> r.trigger().kind()).containsOnly(TriggerKind.STARTUP);
    assertThat(runs.get(1).startedAt()).isAfterOrEqualTo(runs.get(0).finishedAt());
  }

  @Test
  void pauseAndResumeSayOneLineOnTheConsoleWhenTheyChangeSomething() throws Exception {
    fx.start(root, state, quietConfig("echo ok"));

    fx.daemon.pause(Optional.empty()).join();
    fx.daemon.pause(Optional.of("app")).join();
    fx.daemon.resume(Optional.empty()).join();
    fx.daemon.resume(Optional.empty()).join();

    List<String> lines = fx.console().lines().filter(l -> l.startsWith("app: ")).toList();
    assertThat(lines).containsExactly("app: paused; saves wait for 'vigil resume'", "app: resumed");
  }

  @Test
  void aGitCommitWithoutWorkTreeChangesRunsNothing() throws Exception {
    Files.writeString(root.resolve("main.txt"), "a");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");
    fx.start(root, state, quietConfig("echo ok"));
    fx.awaitBaselines();

    Files.writeString(root.resolve("main.txt"), "b");
    assertThat(fx.awaitRun(1).trigger().changed()).containsExactly("main.txt");
    fx.assertStaysAt(1, QUIET);
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "two");
    fx.assertStaysAt(1, QUIET.multipliedBy(2));
  }

  @Test
  void twoThousandFilesChangedAtOnceAreAtMostTwoRunsCoveringAll() throws Exception {
    // A loaded CI machine can pause longer than the default 20 ms between two writes of a
    // burst; a wider window keeps "at once" meaning at once there too.
    fx.start(
        root,
        state,
        quietConfig("echo ok")
            .replace("run_on_start: false", "run_on_start: false, debounce: 300ms"));
    for (int i = 0; i < 2000; i++) {
      Files.writeString(root.resolve("f" + i + ".txt"), "x" + i);
    }
    await()
        .atMost(DaemonFixture.WAIT)
        .until(() -> completed().stream().mapToInt(r -> r.trigger().changedCount()).sum() >= 2000);
    fx.assertStaysAt(fx.runs().size(), QUIET);
    // A run cancelled by a later save is superseded: the run that replaces it covers its paths.
    List<RunRecord> runs = completed();
    assertThat(runs).hasSizeLessThanOrEqualTo(2);
    assertThat(runs.stream().flatMap(r -> r.trigger().changed().stream()).distinct().count())
        .isEqualTo(2000);
  }

  @Test
  void aSaveDuringARunRestartsItAndTheNewRunCoversBothSaves() throws Exception {
    fx.start(root, state, quietConfig("echo started; sleep 60"));
    Files.writeString(root.resolve("a.txt"), "a");
    await()
        .atMost(DaemonFixture.WAIT)
        .until(() -> fx.daemon.status().projects().get(0).state() == ProjectState.RUNNING);

    Files.writeString(root.resolve("b.txt"), "b");

    RunRecord cancelled = fx.awaitRun(1);
    assertThat(cancelled.result()).isEqualTo(RunResult.CANCELLED);
    assertThat(cancelled.trigger().changed()).containsExactly("a.txt");
    await()
        .atMost(DaemonFixture.WAIT)
        .until(() -> fx.daemon.status().projects().get(0).state() == ProjectState.RUNNING);
    fx.daemon.pause(Optional.empty()).join();
    assertThat(fx.daemon.status().projects().get(0).lastRun().runId()).isEqualTo("app-1");
    fx.daemon.stop().join();
    List<RunRecord> runs = fx.runs();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1).trigger().changed()).containsExactly("a.txt", "b.txt");
  }

  @Test
  void statusFileSaysWatchingOnceReadyAndRunsShowThere() throws Exception {
    fx.start(root, state, quietConfig("echo ok"));
    StatusSnapshot status = fx.statusFile();
    assertThat(status.daemon().state()).isEqualTo(DaemonState.READY);
    assertThat(status.daemon().pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(status.projects())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.state()).isEqualTo(ProjectState.WATCHING);
              assertThat(p.root()).isEqualTo(root.toString());
            });

    Files.writeString(root.resolve("a.txt"), "a");
    fx.awaitRun(1);
    await()
        .atMost(DaemonFixture.WAIT)
        .untilAsserted(() -> assertThat(fx.statusFile().projects().get(0).lastRun()).isNotNull());
  }

  @Test
  void aGoodConfigEditIsAppliedAndABadOneKeepsTheOldConfigRunning() throws Exception {
    fx.start(root, state, quietConfig("echo first"));
    Files.writeString(fx.configFile, quietConfig("echo second"));
    await().atMost(DaemonFixture.WAIT).until(() -> fx.console().contains("config reloaded"));
    RunRecord configRun = fx.awaitRun(1);
    assertThat(configRun.trigger().kind()).isEqualTo(TriggerKind.CONFIG);
    assertThat(configRun.stages().get(0).outputTail()).contains("second");

    Files.writeString(fx.configFile, "version: 1\nprojects:\n  - name: app\n    stagez: []\n");
    await()
        .atMost(DaemonFixture.WAIT)
        .untilAsserted(
            () -> assertThat(fx.statusFile().daemon().configError()).contains("vigil.yaml:4:5"));
    Files.writeString(root.resolve("a.txt"), "a");
    assertThat(fx.awaitRun(2).stages().get(0).outputTail()).contains("second");
  }

  @Test
  void aSecondDaemonOnTheSameStateDirIsRefusedNamingThePid() throws Exception {
    fx.start(root, state, quietConfig("echo ok"));
    DaemonOptions again =
        new DaemonOptions(
            ConfigLoader.load(fx.configFile),
            Optional.empty(),
            state,
            Map.of(),
            WatchSettings.DEFAULTS,
            "test");
    ConsoleReporter silent =
        ConsoleReporter.human(new PrintStream(OutputStream.nullOutputStream()), state, false);
    assertThatThrownBy(() -> Daemon.start(again, silent))
        .isInstanceOf(DaemonLock.HeldElsewhere.class)
        .hasMessageContaining("pid " + ProcessHandle.current().pid());
  }

  private List<RunRecord> completed() throws java.io.IOException {
    return fx.runs().stream().filter(r -> r.result() != RunResult.CANCELLED).toList();
  }

  private static String quietConfig(String command) {
    return """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: check, run: "%s"}
        """
        .formatted(command);
  }

  private void git(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(root.toFile()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }
}
