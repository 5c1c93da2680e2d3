package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.batch.ChangeBatch;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project paused by the user and held by a hook at once: each is let go on its own, and changes
 * start a run only when both are; the slot wait of the workstation cap is neither.
 */
class ProjectLoopGateTest {
  @TempDir Path root;
  @TempDir Path stateDir;

  private final FakeCommandRunner runner = new FakeCommandRunner();
  private final List<String> pauses = new CopyOnWriteArrayList<>();
  private final ProjectLoop.Listener listener =
      new ProjectLoop.Listener() {
        @Override
        public void paused(String project) {
          pauses.add("paused");
        }

        @Override
        public void resumed(String project) {
          pauses.add("resumed");
        }
      };

  @Test
  void aHookLettingGoOfAPausedProjectLeavesItPaused() {
    ProjectLoop loop = loop(new RunSlots(2));
    loop.pause();
    loop.hold();
    loop.changes(batch("a.rs"));

    loop.release();
    assertThat(runner.startedCommands()).isEmpty();
    assertThat(loop.status().paused()).isTrue();
    assertThat(loop.status().pendingChanges()).isEqualTo(1);

    loop.resume();
    assertThat(runner.startedCommands()).containsExactly("run-check");
    assertThat(pauses).containsExactly("paused", "resumed");
  }

  @Test
  void resumingAHeldProjectStartsNothingUntilTheHoldIsLetGo() {
    ProjectLoop loop = loop(new RunSlots(2));
    loop.hold();
    loop.pause();
    loop.changes(batch("a.rs"));

    loop.resume();
    assertThat(runner.startedCommands()).isEmpty();
    assertThat(loop.status().paused()).as("held is not paused").isFalse();

    loop.release();
    assertThat(runner.startedCommands()).containsExactly("run-check");
  }

  @Test
  void pausingTwiceSaysSoOnceAndResumingWhatRunsSaysNothing() {
    ProjectLoop loop = loop(new RunSlots(2));
    loop.resume();
    loop.pause();
    loop.pause();
    loop.resume();
    loop.resume();
    assertThat(pauses).containsExactly("paused", "resumed");
  }

  @Test
  void aOnceRunStartsWhilePausedAndHeldAndLeavesBothInPlace() {
    ProjectLoop loop = loop(new RunSlots(2));
    loop.pause();
    loop.hold();
    CompletableFuture<RunRecord> once = loop.runOnce();
    runner.command("run-check").exit(0);
    assertThat(once.join().result()).isEqualTo(RunResult.PASSED);

    loop.changes(batch("a.rs"));
    loop.release();
    assertThat(runner.started()).hasSize(1);
    assertThat(loop.status().paused()).isTrue();
  }

  @Test
  void aProjectWaitingForASlotIsRunningAndStartsWhenTheSlotIsFree() {
    RunSlots slots = new RunSlots(1);
    ProjectLoop first = loop(slots);
    ProjectLoop second = loop(slots);
    first.changes(batch("a.rs"));
    second.changes(batch("b.rs"));
    assertThat(second.status().running()).isTrue();
    assertThat(second.idle()).isNotDone();

    second.cancel(); // drops its pending change; the slot it waits for is given back when it comes
    runner.command("run-check").exit(0);
    assertThat(runner.started()).hasSize(1);
    assertThat(second.status().running()).isFalse();
    assertThat(second.idle()).isDone();
    assertThat(slots.inUse()).isZero();
  }

  private ProjectLoop loop(RunSlots slots) {
    PipelineFactory factory =
        new PipelineFactory(
            runner,
            new dev.vigil.time.FakeScheduler(),
            RunListener.NONE,
            new RunIds(stateDir),
            stateDir,
            4,
            DiagnosticsMemory.NONE);
    return new ProjectLoop(
        Stages.project(root, Stages.stage("check", "run-check")),
        factory,
        slots,
        listener,
        Runnable::run);
  }

  private static ChangeBatch batch(String... paths) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new ChangeBatch(List.of(paths), paths.length, false, t, t);
  }
}
