package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ProjectConfig;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose files cannot be written says why, and the next run writes them once it can. */
class UnwritableRunTest {
  @TempDir Path root;
  @TempDir Path stateDir;

  private final FakeCommandRunner runner = new FakeCommandRunner();
  private final FakeScheduler scheduler = new FakeScheduler();

  @Test
  void aRunThatCannotWriteItsFolderSaysWhyAndTheNextRunWritesAgain() throws Exception {
    // A file where the runs folder belongs: no run folder can be made, even by root.
    Files.writeString(stateDir.resolve("runs"), "in the way");
    ProjectConfig project = Stages.project(root, Stages.stage("check", "run-check"));

    RunRecord failed = start(project, "p-1").result().join();

    assertThat(failed.result()).isEqualTo(RunResult.ERROR);
    assertThat(failed.stages()).isEmpty();
    assertThat(runner.startedCommands()).isEmpty();
    assertThat(failed.error())
        .startsWith("cannot write the run's files")
        .contains(stateDir.resolve("runs").toString());

    Files.delete(stateDir.resolve("runs"));
    PipelineRun again = start(project, "p-2");
    runner.command("run-check").exit(0);
    RunRecord passed = again.result().join();

    assertThat(passed.result()).isEqualTo(RunResult.PASSED);
    assertThat(passed.error()).isNull();
    assertThat(stateDir.resolve("runs/p-2/changed.txt")).exists();
  }

  private PipelineRun start(ProjectConfig project, String runId) {
    RunRequest request =
        new RunRequest(
            runId, Trigger.of(TriggerKind.MANUAL), scheduler.now(), stateDir, List.<String>of());
    return PipelineRun.start(project, request, runner, scheduler, RunListener.NONE, 1);
  }
}
