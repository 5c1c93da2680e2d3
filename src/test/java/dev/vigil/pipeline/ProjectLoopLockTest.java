package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.config.ProjectConfig;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's listener is called with no lock held, so it may ask the loop from any thread. */
class ProjectLoopLockTest {
  @TempDir Path root;
  @TempDir Path stateDir;

  private final FakeCommandRunner runner = new FakeCommandRunner();
  private final FakeScheduler scheduler = new FakeScheduler();
  private final ExecutorService loopThread = Executors.newSingleThreadExecutor();
  private final List<Throwable> stuck = new CopyOnWriteArrayList<>();
  private final List<LoopStatus> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    loopThread.shutdownNow();
  }

  @Test
  void aListenerThatAsksTheLoopFromAnotherThreadDoesNotDeadlock() {
    AtomicReference<ProjectLoop> loop = new AtomicReference<>();
    ProjectLoop.Listener asking =
        new ProjectLoop.Listener() {
          @Override
          public void statusChanged(String project, LoopStatus status) {
            try {
              seen.add(
                  CompletableFuture.supplyAsync(() -> loop.get().status())
                      .get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
              stuck.add(e);
            }
          }
        };
    ProjectConfig project = Stages.project(root, Stages.stage("check", "run-check"));
    PipelineFactory factory =
        new PipelineFactory(
            runner,
            scheduler,
            RunListener.NONE,
            new RunIds(stateDir),
            stateDir,
            1,
            DiagnosticsMemory.NONE);
    loop.set(new ProjectLoop(project, factory, new RunSlots(2), asking, loopThread));

    loop.get().runAll(TriggerKind.MANUAL);
    await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty() || !stuck.isEmpty());
    assertThat(stuck).isEmpty();
    await().atMost(Duration.ofSeconds(60)).until(() -> !runner.started().isEmpty());
    runner.command("run-check").exit(0);
    await().atMost(Duration.ofSeconds(60)).until(() -> !loop.get().status().running());
    assertThat(stuck).isEmpty();
    assertThat(loop.get().status().lastRun().passed()).isTrue();
  }
}
