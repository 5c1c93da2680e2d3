package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.process.CommandOutput;
import dev.vigil.process.CommandRunner;
import dev.vigil.process.CommandSpec;
import dev.vigil.process.Outcome;
import dev.vigil.process.OutputLine;
import dev.vigil.process.OutputLines;
import dev.vigil.process.OutputListener;
import dev.vigil.process.RunningCommand;
import dev.vigil.report.DaemonState;
import dev.vigil.report.DaemonStatus;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.report.ProjectState;
import dev.vigil.report.ProjectStatus;
import dev.vigil.report.StatusFileWriter;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.report.VigilEvent;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded runs (fixed clock, fixed ids) as status.json, history.jsonl and the API write them,
 * compared byte for byte with the files under {@code src/test/resources/golden/}: the contract that
 * readers of those files rely on. Run with {@code -Dgolden.write=true} to write the files anew
 * after a deliberate change of format.
 */
class GoldenJsonTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path root;
  @TempDir Path stateDir;

  private final FakeScheduler scheduler = new FakeScheduler(Instant.parse("2026-03-01T10:00:00Z"));
  private final Json json = new Json();

  @Test
  void aFailedRunWithARetryASkippedStageAndDiagnostics() throws IOException {
    RunRecord run = failedRun();

    HistoryLog history = new HistoryLog(stateDir, json);
    history.append(run);
    history.append(passedRun());
    history.append(
        otherEndings("app-9", TriggerKind.CONFIG, new Outcome.FailedToStart("make: not found")));
    history.append(otherEndings("app-10", TriggerKind.AFTER, new Outcome.TimedOut()));
    history.append(otherEndings("app-11", TriggerKind.STARTUP, new Outcome.Cancelled()));
    assertGolden("history.jsonl", Files.readString(stateDir.resolve("history.jsonl")));

    StatusSnapshot snapshot =
        new StatusSnapshot(
            1,
            new DaemonStatus(
                4242,
                "1.0.0",
                DaemonState.READY,
                Instant.parse("2026-03-01T09:00:00Z"),
                "/home/dev/app/vigil.yaml",
                null),
            List.of(
                new ProjectStatus("app", "/home/dev/app", ProjectState.WATCHING, 0, false, run),
                new ProjectStatus("lib", "/home/dev/lib", ProjectState.RUNNING, 3, true, null)));
    new StatusFileWriter(stateDir, json).write(snapshot);
    assertGolden("status.json", Files.readString(stateDir.resolve("status.json")));

    StringBuilder api = new StringBuilder();
    api.append(json.write(snapshot)).append('\n');
    api.append(json.write(history.read(java.util.Optional.empty(), 20))).append('\n');
    api.append(json.write(VigilEvent.run(VigilEvent.Type.RUN_QUEUED, queued()))).append('\n');
    api.append(json.write(VigilEvent.stage(VigilEvent.Type.STAGE_FINISHED, run, "test")))
        .append('\n');
    api.append(json.write(VigilEvent.run(VigilEvent.Type.RUN_FINISHED, run))).append('\n');
    assertGolden("api.jsonl", api.toString());
  }

  @Test
  void readingHistoryBackGivesTheSameRecords() throws IOException {
    RunRecord run = failedRun();
    HistoryLog history = new HistoryLog(stateDir, json);
    history.append(run);
    assertThat(history.read(java.util.Optional.empty(), 1)).containsExactly(run);
  }

  /** build passes with a warning; test fails with a transient line, is retried, fails again. */
  private RunRecord failedRun() {
    ScriptedRunner runner = new ScriptedRunner();
    runner.plan(
        "make build",
        new Outcome.Exited(0),
        0,
        "src/main.c:3:5: warning: unused variable 'x' [-Wunused-variable]");
    runner.plan("make test", new Outcome.Exited(1), 0, "error: connection reset by peer");
    runner.plan(
        "make test",
        new Outcome.Exited(2),
        1,
        "src/main.c:9:1: error: expected ';' before '}' token",
        "make: *** [test] Error 2");
    ProjectConfig project =
        project(
            stage("build", "make build", List.of(), "gcc", RetryPolicy.NONE),
            stage("test", "make test", List.of("build"), "gcc", new RetryPolicy(2, true)),
            stage("docs", "make docs", List.of("test"), "none", RetryPolicy.NONE));
    Trigger trigger = new Trigger(TriggerKind.CHANGE, List.of("src/main.c", "src/ü ñ.h"), 2, false);
    RunRequest request =
        new RunRequest("app-7", trigger, scheduler.now(), stateDir, trigger.changed());
    return PipelineRun.start(project, request, runner, scheduler, RunListener.NONE, 2)
        .result()
        .join();
  }

  private RunRecord passedRun() {
    ScriptedRunner runner = new ScriptedRunner();
    runner.plan("make build", new Outcome.Exited(0), 0, "ok");
    ProjectConfig project =
        project(stage("build", "make build", List.of(), "none", RetryPolicy.NONE));
    RunRequest request =
        new RunRequest(
            "app-8", Trigger.of(TriggerKind.MANUAL), scheduler.now(), stateDir, List.of());
    return PipelineRun.start(project, request, runner, scheduler, RunListener.NONE, 1)
        .result()
        .join();
  }

  /** build ends as given; lint, beside it, passes. */
  private RunRecord otherEndings(String runId, TriggerKind kind, Outcome buildEnds) {
    ScriptedRunner runner = new ScriptedRunner();
    runner.plan("make build", buildEnds, 0, "compiling");
    runner.plan("make lint", new Outcome.Exited(0), 0);
    ProjectConfig project =
        project(
            stage("build", "make build", List.of(), "none", RetryPolicy.NONE),
            stage("lint", "make lint", List.of(), "none", RetryPolicy.NONE));
    RunRequest request =
        new RunRequest(runId, Trigger.of(kind), scheduler.now(), stateDir, List.of());
    return PipelineRun.start(project, request, runner, scheduler, RunListener.NONE, 2)
        .result()
        .join();
  }

  private RunRecord queued() {
    return RunRecord.queued("app", Trigger.of(TriggerKind.STARTUP), scheduler.now());
  }

  private void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.write")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private ProjectConfig project(StageConfig... stages) {
    return TestProjects.at(root).name("app").stages(stages).build();
  }

  private static StageConfig stage(
      String name, String run, List<String> needs, String format, RetryPolicy retry) {
    return new StageConfig(
        name,
        run,
        needs,
        List.of(),
        Duration.ofMinutes(1),
        Duration.ofSeconds(1),
        retry,
        Map.of(),
        format);
  }

  /**
   * Ends each command as planned, in order per command text, after 250 ms of fake time; its lines
   * reach the stage's diagnostic parser as a real process's would.
   */
  private final class ScriptedRunner implements CommandRunner {
    private record Plan(Outcome outcome, int leftBehind, List<String> lines) {}

    private final Map<String, Deque<Plan>> plans = new java.util.HashMap<>();

    void plan(String command, Outcome outcome, int leftBehind, String... lines) {
      plans
          .computeIfAbsent(command, c -> new ArrayDeque<>())
          .add(new Plan(outcome, leftBehind, List.of(lines)));
    }

    @Override
    public RunningCommand start(CommandSpec spec, OutputListener sink) {
      Plan plan = plans.get(spec.command()).removeFirst();
      List<OutputLine> tail = new ArrayList<>();
      for (String line : plan.lines()) {
        OutputLine out = new OutputLine(OutputLine.Stream.STDOUT, line);
        sink.lines(OutputLines.of(out));
        tail.add(out);
      }
      scheduler.advance(Duration.ofMillis(250));
      CommandOutput output =
          new CommandOutput(
              plan.outcome(), Duration.ofMillis(250), tail, 100L * tail.size(), plan.leftBehind());
      CompletableFuture<CommandOutput> done = CompletableFuture.completedFuture(output);
      return new RunningCommand() {
        @Override
        public CompletableFuture<CommandOutput> result() {
          return done;
        }

        @Override
        public void cancel() {}
      };
    }
  }
}
