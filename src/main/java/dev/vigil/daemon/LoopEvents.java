package dev.vigil.daemon;

import dev.vigil.pipeline.ChainedRuns;
import dev.vigil.pipeline.LoopStatus;
import dev.vigil.pipeline.ProjectLoop;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.VigilEvent;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.Scheduler;
import java.util.List;

/**
 * What the daemon does with each project loop's news: status.json kept current, queued runs
 * published, pause and resume said on the console, {@code after} chains started.
 */
final class LoopEvents implements ProjectLoop.Listener {
  private final Runnable statusChanged;
  private final EventBus events;
  private final ConsoleReporter console;
  private final Scheduler scheduler;
  private final ProjectRegistry projects;
  private final ChainedRuns chained;

  LoopEvents(
      Runnable statusChanged,
      EventBus events,
      ConsoleReporter console,
      Scheduler scheduler,
      ProjectRegistry projects,
      ChainedRuns chained) {
    this.statusChanged = statusChanged;
    this.events = events;
    this.console = console;
    this.scheduler = scheduler;
    this.projects = projects;
    this.chained = chained;
  }

  @Override
  public void statusChanged(String project, LoopStatus status) {
    statusChanged.run();
  }

  @Override
  public void paused(String project) {
    console.paused(project);
  }

  @Override
  public void resumed(String project) {
    console.resumed(project);
  }

  @Override
  public void runQueued(String project, Trigger trigger) {
    events.publish(
        VigilEvent.run(
            VigilEvent.Type.RUN_QUEUED, RunRecord.queued(project, trigger, scheduler.now())));
  }

  /**
   * Starts the followers of a passed run, except those that waited for it in {@link ChainedRuns}:
   * their own run, started now, stands for it.
   */
  @Override
  public void runFinished(String project, RunRecord record) {
    List<String> waited = chained.finished(project);
    if (!record.passed()) {
      return;
    }
    projects.followersOf(project).stream()
        .filter(r -> !waited.contains(r.config().name()))
        .forEach(r -> r.loop().runAll(TriggerKind.AFTER));
  }
}
