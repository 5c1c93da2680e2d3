package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.batch.ChangeBatch;
import dev.vigil.config.BusyPolicy;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoopTest {
  @TempDir Path root;
  @TempDir Path stateDir;

  private final FakeCommandRunner runner = new FakeCommandRunner();
  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<RunRecord> finished = new ArrayList<>();
  private final ProjectLoop.Listener listener =
      new ProjectLoop.Listener() {
        @Override
        public void runFinished(String project, RunRecord record) {
          finished.add(record);
        }
      };

  @Test
  void aBatchStartsARunForItsPaths() {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    loop.changes(batch("src/lib.rs"));

    assertThat(runner.startedCommands()).containsExactly("check");
    runner.command("check").exit(0);
    assertThat(finished)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.trigger().kind()).isEqualTo(TriggerKind.CHANGE);
              assertThat(r.trigger().changed()).containsExactly("src/lib.rs");
              assertThat(r.runId()).isEqualTo("p-1");
            });
    assertThat(loop.status().running()).isFalse();
    assertThat(loop.status().lastRun().result()).isEqualTo(RunResult.PASSED);
  }

  @Test
  void aHundredThousandPathsAtOnceAreOneRunWhoseListHoldsThemAll() throws Exception {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    String[] paths = new String[100_000];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = String.format("src/m%03d/f%06d.rs", i % 1000, i);
    }
    loop.changes(batch(paths));

    assertThat(runner.started()).hasSize(1);
    var env = runner.command("check").spec.env();
    assertThat(env.get("VIGIL_CHANGED_COUNT")).isEqualTo("100000");
    assertThat(Files.readAllLines(Path.of(env.get("VIGIL_CHANGED_LIST")))).hasSize(100_000);
    runner.command("check").exit(0);
    RunRecord record = finished.get(0);
    assertThat(record.trigger().changed()).hasSize(10_000);
    assertThat(record.trigger().changedCount()).isEqualTo(100_000);
    assertThat(record.trigger().truncated()).isTrue();
  }

  @Test
  void aOnceRunStartsWhileHeldCompletesWithItsRecordAndStartsNoChain() {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    loop.hold();

    java.util.concurrent.CompletableFuture<RunRecord> once = loop.runOnce();
    assertThat(runner.startedCommands()).containsExactly("check");
    runner.command("check").exit(1);

    assertThat(once).isCompleted();
    assertThat(once.join().result()).isEqualTo(RunResult.FAILED);
    assertThat(once.join().trigger().kind()).isEqualTo(TriggerKind.MANUAL);
    assertThat(finished).isEmpty();
    loop.release();
    assertThat(runner.startedCommands()).containsExactly("check");
  }

  @Test
  void changesHeldBackRunOnceLetGo() {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    loop.hold();
    loop.changes(batch("a.rs"));
    assertThat(runner.startedCommands()).isEmpty();

    loop.release();

    assertThat(runner.startedCommands()).containsExactly("check");
    runner.command("check").exit(0);
    assertThat(finished)
        .singleElement()
        .satisfies(r -> assertThat(r.trigger().changed()).containsExactly("a.rs"));
  }

  @Test
  void theNextRunsFolderIsPreparedWhenARunEndsAndItsChangedListIsFilledThere() throws Exception {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    loop.changes(batch("a.rs"));
    runner.command("check").exit(0);

    Path prepared = stateDir.resolve("runs/p-2/changed.txt");
    assertThat(prepared).exists().isEmptyFile();

    loop.changes(batch("b.rs", "c.rs"));
    Path list = Path.of(runner.command("check").spec.env().get("VIGIL_CHANGED_LIST"));
    assertThat(list).isEqualTo(prepared);
    assertThat(Files.readAllLines(list)).containsExactly("b.rs", "c.rs");
    runner.command("check").exit(0);
    assertThat(finished).extracting(RunRecord::runId).containsExactly("p-1", "p-2");
  }

  @Test
  void restartCancelsTheRunAndCoversEveryPathSinceTheLastFinishedRun() {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    loop.changes(batch("a.rs"));
    FakeCommandRunner.FakeCommand first = runner.command("check");

    loop.changes(batch("b.rs"));

    assertThat(first.cancelRequested).isTrue();
    assertThat(runner.started()).hasSize(2);
    runner.command("check").exit(0);
    assertThat(finished)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.trigger().changed()).containsExactly("a.rs", "b.rs");
              assertThat(r.runId()).isEqualTo("p-2");
            });
    assertThat(loop.status().stale()).isFalse();
  }

  @Test
  void queueLetsTheRunFinishThenRunsOnceForEverythingThatArrived() {
    ProjectLoop loop = loop(BusyPolicy.QUEUE, new RunSlots(2));
    loop.changes(batch("a.rs"));
    loop.changes(batch("b.rs"));
    loop.changes(batch("c.rs"));
    assertThat(runner.started()).hasSize(1);
    assertThat(runner.command("check").cancelRequested).isFalse();

    runner.command("check").exit(0);
    assertThat(loop.status().stale()).isTrue();
    assertThat(runner.started()).hasSize(2);
    runner.command("check").exit(0);

    assertThat(finished)
        .extracting(r -> r.trigger().changed())
        .containsExactly(List.of("a.rs"), List.of("b.rs", "c.rs"));
    assertThat(loop.status().stale()).isFalse();
  }

  @Test
  void skipDropsChangesThatArriveDuringARunAndMarksTheResultStale() {
    ProjectLoop loop = loop(BusyPolicy.SKIP, new RunSlots(2));
    loop.changes(batch("a.rs"));
    loop.changes(batch("b.rs"));
    runner.command("check").exit(0);

    assertThat(runner.started()).hasSize(1);
    assertThat(loop.status().stale()).isTrue();
    assertThat(loop.status().pendingChanges()).isZero();
  }

  @Test
  void pauseHoldsChangesAndResumeRunsThem() {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    loop.pause();
    loop.changes(batch("a.rs"));
    assertThat(runner.started()).isEmpty();
    assertThat(loop.status().paused()).isTrue();
    assertThat(loop.status().pendingChanges()).isEqualTo(1);

    loop.resume();
    assertThat(runner.started()).hasSize(1);
  }

  @Test
  void aManualRunRunsEveryStage() {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2));
    loop.runAll(TriggerKind.MANUAL);
    runner.command("check").exit(0);
    assertThat(finished.get(0).trigger().kind()).isEqualTo(TriggerKind.MANUAL);
  }

  @Test
  void theWorkstationCapHoldsASecondProjectUntilASlotIsFree() {
    RunSlots slots = new RunSlots(1);
    ProjectLoop one = loop(BusyPolicy.RESTART, slots);
    ProjectLoop two = loop(BusyPolicy.RESTART, slots);
    one.changes(batch("a.rs"));
    two.changes(batch("b.rs"));

    assertThat(runner.started()).hasSize(1);
    assertThat(two.status().running()).isTrue();
    runner.command("check").exit(0);
    assertThat(runner.started()).hasSize(2);
    runner.command("check").exit(0);
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void cancelStopsTheRunAndDropsPendingChanges() {
    ProjectLoop loop = loop(BusyPolicy.QUEUE, new RunSlots(2));
    loop.changes(batch("a.rs"));
    loop.changes(batch("b.rs"));
    loop.cancel();

    assertThat(runner.started()).hasSize(1);
    assertThat(loop.status().lastRun().result()).isEqualTo(RunResult.CANCELLED);
    assertThat(loop.status().pendingChanges()).isZero();
    assertThat(loop.idle()).isDone();
  }

  @Test
  void changesNoStageIsForStartNoRunAndLeaveARunningOneAlone() {
    ProjectLoop loop = loop(BusyPolicy.RESTART, new RunSlots(2), List.of("src/**"));
    loop.changes(batch("crates/fastcalc/src/lib.rs"));
    assertThat(runner.startedCommands()).isEmpty();
    assertThat(loop.status().running()).isFalse();
    assertThat(loop.status().pendingChanges()).isZero();

    loop.changes(batch("src/a.py"));
    loop.changes(batch("README.md"));
    runner.command("check").exit(0);
    assertThat(finished)
        .singleElement()
        .satisfies(r -> assertThat(r.trigger().changed()).containsExactly("src/a.py"));
  }

  private ProjectLoop loop(BusyPolicy policy, RunSlots slots) {
    return loop(policy, slots, List.of());
  }

  private ProjectLoop loop(BusyPolicy policy, RunSlots slots, List<String> when) {
    StageConfig check =
        new StageConfig(
            "check",
            "check",
            List.of(),
            when,
            Duration.ofMinutes(1),
            Duration.ofSeconds(1),
            RetryPolicy.NONE,
            Map.of(),
            "auto");
    ProjectConfig project =
        TestProjects.at(root).onBusy(policy).runsOnStart().stages(check).build();
    PipelineFactory factory =
        new PipelineFactory(
            runner,
            scheduler,
            RunListener.NONE,
            new RunIds(stateDir),
            stateDir,
            4,
            DiagnosticsMemory.NONE);
    return new ProjectLoop(project, factory, slots, listener, Runnable::run);
  }

  private static ChangeBatch batch(String... paths) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new ChangeBatch(List.of(paths), paths.length, false, t, t);
  }
}
