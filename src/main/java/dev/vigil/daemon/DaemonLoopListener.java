package dev.vigil.daemon;

import dev.vigil.pipeline.LoopStatus;
import dev.vigil.pipeline.ProjectLoop;
import dev.vigil.report.EventBus;
import dev.vigil.report.RunRecord;
import dev.vigil.report.Trigger;
import dev.vigil.report.VigilEvent;
import dev.vigil.time.Scheduler;
import java.util.List;

/** Hears every project loop: keeps status.json current, publishes queued runs, starts chains. */
final class DaemonLoopListener implements ProjectLoop.Listener {
  private final Runnable statusChanged;
  private final EventBus events;
  private final Scheduler scheduler;
  private final ProjectRegistry projects;

  DaemonLoopListener(
      Runnable statusChanged, EventBus events, Scheduler scheduler, ProjectRegistry projects) {
    this.statusChanged = statusChanged;
    this.events = events;
    this.scheduler = scheduler;
    this.projects = projects;
  }

  @Override
  public void statusChanged(String project, LoopStatus status) {
    statusChanged.run();
  }

  @Override
  public void runQueued(String project, Trigger trigger) {
    events.publish(
        VigilEvent.run(
            VigilEvent.Type.RUN_QUEUED,
            new RunRecord(
                RunRecord.SCHEMA,
                project,
                null,
                trigger,
                scheduler.now(),
                null,
                null,
                0,
                null,
                List.of())));
  }

  @Override
  public void runFinished(String project, RunRecord record) {
    if (record.passed()) {
      projects.followersOf(project).forEach(r -> r.loop().runAll("after"));
    }
  }
}
