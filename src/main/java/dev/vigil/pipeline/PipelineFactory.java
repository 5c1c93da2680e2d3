package dev.vigil.pipeline;

import dev.vigil.cache.ProjectCache;
import dev.vigil.config.ProjectConfig;
import dev.vigil.process.CommandRunner;
import dev.vigil.run.Trigger;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a project's pipelines; tests pass a fake command runner through it. */
public record PipelineFactory(
    CommandRunner runner,
    Scheduler scheduler,
    RunListener runListener,
    RunIds runIds,
    Path stateDir,
    int maxParallelStages,
    DiagnosticsMemory memory,
    ProjectCache cache) {
  private static final Logger log = LoggerFactory.getLogger(PipelineFactory.class);

  /** A factory for a project without a stage cache. */
  public PipelineFactory(
      CommandRunner runner,
      Scheduler scheduler,
      RunListener runListener,
      RunIds runIds,
      Path stateDir,
      int maxParallelStages,
      DiagnosticsMemory memory) {
    this(
        runner,
        scheduler,
        runListener,
        runIds,
        stateDir,
        maxParallelStages,
        memory,
        ProjectCache.NONE);
  }

  /** A run of the project, begun: its stages start at once. */
  public PipelineRun start(ProjectConfig project, Trigger trigger, List<String> changed) {
    PipelineRun run = create(project, trigger, changed);
    run.begin();
    return run;
  }

  /** A run of the project, not begun: {@link PipelineRun#begin} starts its stages. */
  public PipelineRun create(ProjectConfig project, Trigger trigger, List<String> changed) {
    RunRequest request =
        new RunRequest(runIds.next(project.name()), trigger, scheduler.now(), stateDir, changed);
    return PipelineRun.create(
        project, request, runner, scheduler, runListener, maxParallelStages, memory, cache);
  }

  /**
   * Takes the id of the project's next run and creates its folder while nothing waits for it; a run
   * that finds its folder missing (this failed) creates it itself.
   */
  void prepareNext(ProjectConfig project) {
    try {
      Path dir = RunRequest.runDir(stateDir, runIds.reserve(project.name()));
      StageCommand.prepareRunDir(dir);
    } catch (IOException | RuntimeException e) {
      log.debug("could not prepare the next run of {}: {}", project.name(), e.toString());
    }
  }
}
