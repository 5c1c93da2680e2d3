package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.process.Outcome;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunTest {
  @TempDir Path root;
  @TempDir Path stateDir;

  private final FakeCommandRunner runner = new FakeCommandRunner();
  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  private final RunListener recorder =
      new RunListener() {
        @Override
        public void stageStarted(RunRecord run, String stage) {
          events.add("start " + stage);
        }

        @Override
        public void stageFinished(RunRecord run, StageRecord stage) {
          events.add(stage.status() + " " + stage.name());
        }

        @Override
        public void runFinished(RunRecord run) {
          events.add("run " + run.result());
        }
      };

  @Test
  void stagesRunInNeedsOrderAndAFailureSkipsOnlyItsDependents() {
    ProjectConfig project =
        project(
            stage("fmt", "run-fmt", List.of()),
            stage("clippy", "run-clippy", List.of("fmt")),
            stage("test", "run-test", List.of("clippy")),
            stage("docs", "run-docs", List.of()));
    PipelineRun run = start(project, Trigger.of(TriggerKind.MANUAL));

    assertThat(runner.startedCommands()).containsExactly("run-fmt", "run-docs");
    runner.command("run-fmt").exit(0);
    assertThat(runner.startedCommands()).containsExactly("run-fmt", "run-docs", "run-clippy");
    runner.command("run-clippy").exit(101, "error[E0308]: mismatched types");
    runner.command("run-docs").exit(0);

    RunRecord record = run.result().join();
    assertThat(record.result()).isEqualTo(RunResult.FAILED);
    assertThat(record.stages())
        .extracting(StageRecord::name, StageRecord::status, StageRecord::exitCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fmt", StageStatus.PASSED, 0),
            org.assertj.core.groups.Tuple.tuple("clippy", StageStatus.FAILED, 101),
            org.assertj.core.groups.Tuple.tuple("test", StageStatus.SKIPPED, null),
            org.assertj.core.groups.Tuple.tuple("docs", StageStatus.PASSED, 0));
    assertThat(record.stages().get(1).outputTail()).contains("mismatched types");
    assertThat(record.stages().get(1).logFile()).isEqualTo("runs/p-1/clippy.log");
    assertThat(record.stages().get(2).attempts()).isZero();
    assertThat(runner.startedCommands()).doesNotContain("run-test");
    assertThat(events).last().isEqualTo("run failed");
  }

  @Test
  void theOutputTailOfAJsonEmittingToolIsItsHumanTextWithoutColour() {
    String json =
        "{\"reason\":\"compiler-message\",\"message\":{\"level\":\"error\","
            + "\"message\":\"mismatched types\",\"spans\":[],\"children\":[],"
            + "\"rendered\":\"error[E0308]: mismatched types\\n --> src/lib.rs:2:18\\n\"}}";
    ProjectConfig project = project(stage("clippy", "run-clippy", List.of()));
    PipelineRun run = start(project, Trigger.of(TriggerKind.MANUAL));
    runner
        .command("run-clippy")
        .exit(
            101,
            "{\"reason\":\"compiler-artifact\",\"package_id\":\"dep\"}\n"
                + json
                + "\n\u001B[31merror:\u001B(B\u001B[m could not compile\n");

    String tail = run.result().join().stages().get(0).outputTail();
    assertThat(tail)
        .isEqualTo(
            "error[E0308]: mismatched types\n --> src/lib.rs:2:18\nerror: could not compile\n");
  }

  @Test
  void independentStagesStartTogetherUpToTheLimit() {
    ProjectConfig project =
        project(
            stage("a", "run-a", List.of()),
            stage("b", "run-b", List.of()),
            stage("c", "run-c", List.of()),
            stage("d", "run-d", List.of("a", "b", "c")));
    PipelineRun run =
        PipelineRun.start(
            project, request(Trigger.of(TriggerKind.MANUAL)), runner, scheduler, recorder, 2);

    assertThat(runner.startedCommands()).containsExactly("run-a", "run-b");
    runner.command("run-b").exit(0);
    assertThat(runner.startedCommands()).containsExactly("run-a", "run-b", "run-c");
    runner.command("run-a").exit(0);
    runner.command("run-c").exit(0);
    runner.command("run-d").exit(0);
    assertThat(run.result().join().result()).isEqualTo(RunResult.PASSED);
  }

  @Test
  void whenFiltersSelectStagesAndChangedExpandsToTheirPathsQuoted() {
    ProjectConfig project =
        project(
            new StageConfig(
                "lint",
                "ruff check {changed}",
                List.of(),
                List.of("*.py"),
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                RetryPolicy.NONE,
                Map.of(),
                "auto"),
            new StageConfig(
                "rust",
                "cargo check",
                List.of(),
                List.of("src/**"),
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                RetryPolicy.NONE,
                Map.of(),
                "auto"));
    Trigger trigger =
        new Trigger(TriggerKind.CHANGE, List.of("a b.py", "docs/x.md", "it's.py"), 3, false);
    PipelineRun run = start(project, trigger);

    assertThat(runner.startedCommands()).containsExactly("ruff check 'a b.py' 'it'\\''s.py'");
    runner.command("ruff").exit(0);
    RunRecord record = run.result().join();
    assertThat(record.stages()).extracting(StageRecord::name).containsExactly("lint");
    assertThat(record.result()).isEqualTo(RunResult.PASSED);
  }

  @Test
  void everyStageGetsTheVigilVariablesAndTheChangedList() throws Exception {
    ProjectConfig project = project(stage("a", "run-a", List.of()));
    start(project, new Trigger(TriggerKind.CHANGE, List.of("src/lib.rs", "Cargo.toml"), 2, false));

    Map<String, String> env = runner.command("run-a").spec.env();
    assertThat(env)
        .containsEntry("VIGIL_PROJECT", "p")
        .containsEntry("VIGIL_RUN_ID", "p-1")
        .containsEntry("VIGIL_CHANGED_COUNT", "2");
    assertThat(Files.readAllLines(Path.of(env.get("VIGIL_CHANGED_LIST"))))
        .containsExactly("src/lib.rs", "Cargo.toml");
    assertThat(runner.command("run-a").spec.workingDir()).isEqualTo(root);
  }

  @Test
  void cancelKillsRunningStagesAndCancelsTheRest() {
    ProjectConfig project =
        project(stage("a", "run-a", List.of()), stage("b", "run-b", List.of("a")));
    PipelineRun run = start(project, Trigger.of(TriggerKind.MANUAL));

    run.cancel();

    RunRecord record = run.result().join();
    assertThat(runner.command("run-a").cancelRequested).isTrue();
    assertThat(record.result()).isEqualTo(RunResult.CANCELLED);
    assertThat(record.stages())
        .extracting(StageRecord::status)
        .containsExactly(StageStatus.CANCELLED, StageStatus.CANCELLED);
  }

  @Test
  void aTransientFailureIsRetriedAndARealOneIsNot() {
    StageConfig flaky =
        new StageConfig(
            "fetch",
            "cargo fetch",
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Duration.ofSeconds(1),
            new RetryPolicy(3, true),
            Map.of(),
            "auto");
    PipelineRun run = start(project(flaky), Trigger.of(TriggerKind.MANUAL));

    runner.command("cargo fetch").exit(101, "error: Could not resolve host: index.crates.io");
    runner.command("cargo fetch").exit(101, "error[E0432]: unresolved import");

    RunRecord record = run.result().join();
    assertThat(runner.started()).hasSize(2);
    assertThat(record.stages().get(0).attempts()).isEqualTo(2);
    assertThat(record.stages().get(0).status()).isEqualTo(StageStatus.FAILED);
  }

  @Test
  void aCommandThatCannotRunMakesTheRunAnErrorNotAFailure() {
    PipelineRun run =
        start(project(stage("a", "no-such-tool", List.of())), Trigger.of(TriggerKind.MANUAL));
    runner.command("no-such-tool").exit(127, "sh: 1: no-such-tool: not found");
    assertThat(run.result().join().result()).isEqualTo(RunResult.ERROR);

    PipelineRun other =
        start(project(stage("b", "run-b", List.of())), Trigger.of(TriggerKind.MANUAL));
    runner.command("run-b").end(new Outcome.FailedToStart("no such directory"), "");
    RunRecord record = other.result().join();
    assertThat(record.result()).isEqualTo(RunResult.ERROR);
    assertThat(record.stages().get(0).outputTail()).contains("no such directory");
  }

  @Test
  void theStartIsPreparedBeforeTheFirstProcessAndReportedOnceItRuns() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void runStarting(RunRecord run) {
            seen.add("starting " + runner.startedCommands());
          }

          @Override
          public void runStarted(RunRecord run) {
            seen.add("started " + runner.startedCommands());
          }

          @Override
          public void stageStarted(RunRecord run, String stage) {
            seen.add("stage " + stage);
          }
        };
    ProjectConfig project =
        project(stage("fmt", "run-fmt", List.of()), stage("docs", "run-docs", List.of()));

    PipelineRun.start(
        project, request(Trigger.of(TriggerKind.MANUAL)), runner, scheduler, listener, 4);

    assertThat(seen).containsExactly("starting []", "started [run-fmt]", "stage fmt", "stage docs");
  }

  @Test
  void aRunWithNothingToStartIsStillReportedStartedBeforeItFinishes() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void runStarted(RunRecord run) {
            seen.add("started");
          }

          @Override
          public void runFinished(RunRecord run) {
            seen.add("finished " + run.result());
          }
        };
    StageConfig onlyTests =
        new StageConfig(
            "test",
            "run-test",
            List.of(),
            List.of("tests/**"),
            Duration.ofMinutes(1),
            Duration.ofSeconds(1),
            RetryPolicy.NONE,
            Map.of(),
            "auto");
    ProjectConfig project = project(onlyTests);

    PipelineRun.start(
        project,
        request(new Trigger(TriggerKind.CHANGE, List.of("docs/a.md"), 1, false)),
        runner,
        scheduler,
        listener,
        4);

    assertThat(runner.startedCommands()).isEmpty();
    assertThat(seen).containsExactly("started", "finished passed");
  }

  @Test
  void aTimedOutStageIsMarkedTimeoutAndItsDependentsSkipped() {
    PipelineRun run =
        start(
            project(stage("a", "run-a", List.of()), stage("b", "run-b", List.of("a"))),
            Trigger.of(TriggerKind.MANUAL));
    runner.command("run-a").end(new Outcome.TimedOut(), "");
    RunRecord record = run.result().join();
    assertThat(record.stages())
        .extracting(StageRecord::status)
        .containsExactly(StageStatus.TIMEOUT, StageStatus.SKIPPED);
    assertThat(record.result()).isEqualTo(RunResult.FAILED);
  }

  private PipelineRun start(ProjectConfig project, Trigger trigger) {
    return PipelineRun.start(project, request(trigger), runner, scheduler, recorder, 4);
  }

  private RunRequest request(Trigger trigger) {
    return new RunRequest("p-1", trigger, scheduler.now(), stateDir);
  }

  private ProjectConfig project(StageConfig... stages) {
    return TestProjects.at(root).runsOnStart().stages(stages).build();
  }

  private static StageConfig stage(String name, String run, List<String> needs) {
    return new StageConfig(
        name,
        run,
        needs,
        List.of(),
        Duration.ofMinutes(1),
        Duration.ofSeconds(1),
        RetryPolicy.NONE,
        Map.of(),
        "auto");
  }
}
