package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageRetry;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries wait an exponential backoff on the scheduler, say why they happened, and can be cut. */
class RetryBackoffTest {
  private static final String RESOLVE = "fatal: unable to access 'x': Could not resolve host: h";

  @TempDir Path root;
  @TempDir Path stateDir;

  private final FakeCommandRunner runner = new FakeCommandRunner();
  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  private final RunListener recorder =
      new RunListener() {
        @Override
        public void stageFinished(RunRecord run, StageRecord stage) {
          events.add(stage.status() + " " + stage.name());
        }
      };

  @Test
  void eachRetryWaitsTwiceAsLongAsTheOneBeforeAndIsRecorded() {
    PipelineRun run = start(new RetryPolicy(3, true, Duration.ofSeconds(1), List.of()));

    runner.command("fetch").exit(101, "Updating index\n" + RESOLVE);
    assertThat(runner.started()).hasSize(1);
    scheduler.advance(Duration.ofMillis(999));
    assertThat(runner.started()).hasSize(1);
    scheduler.advance(Duration.ofMillis(1));
    assertThat(runner.started()).hasSize(2);

    runner.command("fetch").exit(101, "npm ERR! code ECONNRESET");
    scheduler.advance(Duration.ofMillis(1999));
    assertThat(runner.started()).hasSize(2);
    scheduler.advance(Duration.ofMillis(1));
    assertThat(runner.started()).hasSize(3);
    runner.command("fetch").exit(0, "ok");

    StageRecord stage = run.result().join().stages().get(0);
    assertThat(stage.status()).isEqualTo(StageStatus.PASSED);
    assertThat(stage.attempts()).isEqualTo(3);
    assertThat(stage.retries())
        .containsExactly(
            new StageRetry(2, RESOLVE, 1000), new StageRetry(3, "npm ERR! code ECONNRESET", 2000));
  }

  @Test
  void aStagesOwnPatternMakesAFailureTransient() {
    PipelineRun run =
        start(new RetryPolicy(2, true, Duration.ZERO, List.of("registry returned HTTP 429")));

    runner.command("fetch").exit(1, "error: registry returned HTTP 429");
    runner.command("fetch").exit(0);

    StageRecord stage = run.result().join().stages().get(0);
    assertThat(stage.attempts()).isEqualTo(2);
    assertThat(stage.retries())
        .containsExactly(new StageRetry(2, "error: registry returned HTTP 429", 0));
  }

  @Test
  void retryForAnyFailureGivesTheExitCodeAsReason() {
    PipelineRun run = start(new RetryPolicy(2, false, Duration.ZERO, List.of()));

    runner.command("fetch").exit(3, "flaky test failed");
    runner.command("fetch").exit(0);

    assertThat(run.result().join().stages().get(0).retries())
        .containsExactly(new StageRetry(2, "exit 3", 0));
  }

  @Test
  void aCancelDuringTheBackoffEndsTheStageWithoutAnotherAttempt() {
    PipelineRun run = start(new RetryPolicy(3, true, Duration.ofSeconds(10), List.of()));
    runner.command("fetch").exit(101, RESOLVE);

    run.cancel();

    RunRecord record = run.result().join();
    assertThat(record.result()).isEqualTo(RunResult.CANCELLED);
    assertThat(record.stages().get(0).status()).isEqualTo(StageStatus.CANCELLED);
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(runner.started()).hasSize(1);
    assertThat(events).containsExactly("cancelled fetch");
  }

  @Test
  void aStageWithoutRetriesRecordsNone() {
    PipelineRun run = start(RetryPolicy.NONE);
    runner.command("fetch").exit(101, RESOLVE);

    StageRecord stage = run.result().join().stages().get(0);
    assertThat(stage.attempts()).isEqualTo(1);
    assertThat(stage.retries()).isEmpty();
  }

  private PipelineRun start(RetryPolicy retry) {
    StageConfig stage =
        new StageConfig(
            "fetch",
            "fetch deps",
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Duration.ofSeconds(1),
            retry,
            Map.of(),
            "auto");
    ProjectConfig project = TestProjects.at(root).runsOnStart().stages(stage).build();
    RunRequest request =
        new RunRequest("p-1", Trigger.of(TriggerKind.MANUAL), scheduler.now(), stateDir);
    return PipelineRun.start(project, request, runner, scheduler, recorder, 4);
  }
}
