package dev.vigil.pipeline;

import dev.vigil.cache.Lookup;
import dev.vigil.cache.ProjectCache;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.diagnostics.DiagnosticParser;
import dev.vigil.diagnostics.DiagnosticParsers;
import dev.vigil.process.CommandOutput;
import dev.vigil.process.CommandRunner;
import dev.vigil.process.RunningCommand;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a project's stage graph: stages whose needs passed start in parallel (at most {@code
 * maxParallelStages} at once), a failed stage marks every stage that needs it skipped, independent
 * stages go on. The result is the run record.
 *
 * <p>The run's {@link RunPhase} and each stage's {@link StageState} change only under the run's
 * lock; the listener, the runner and the result future are called after it is let go.
 */
public final class PipelineRun {
  private final ProjectConfig project;
  private final RunRequest request;
  private final CommandRunner runner;
  private final Scheduler scheduler;
  private final RunListener listener;
  private final int maxParallelStages;
  private final StageGraph graph;
  private final StageBoard stages;
  private final CacheStep cache;
  private final RunRecords records;
  private final CompletableFuture<RunRecord> result = new CompletableFuture<>();
  // Guarded by this.
  private RunPhase phase = RunPhase.NEW;
  private Instant startedAt;
  private long startNanos;
  // Written once by begin(), before any stage starts.
  private Path changedList;

  private PipelineRun(
      ProjectConfig project,
      RunRequest request,
      CommandRunner runner,
      Scheduler scheduler,
      RunListener listener,
      int maxParallelStages,
      DiagnosticsMemory memory,
      ProjectCache cache) {
    this.project = project;
    this.request = request;
    this.runner = runner;
    this.scheduler = scheduler;
    this.listener = listener;
    this.maxParallelStages = Math.max(1, maxParallelStages);
    this.cache = new CacheStep(cache, request);
    this.records = new RunRecords(project, request, scheduler, memory, this.cache);
    this.graph = new StageGraph(project);
    this.stages = new StageBoard(graph, graph.selectedFor(request.changed()));
  }

  /** Starts the run; stages begin at once. */
  public static PipelineRun start(
      ProjectConfig project,
      RunRequest request,
      CommandRunner runner,
      Scheduler scheduler,
      RunListener listener,
      int maxParallelStages) {
    return start(
        project,
        request,
        runner,
        scheduler,
        listener,
        maxParallelStages,
        DiagnosticsMemory.NONE,
        ProjectCache.NONE);
  }

  /** Starts the run with a memory of diagnostics and a stage cache; stages begin at once. */
  public static PipelineRun start(
      ProjectConfig project,
      RunRequest request,
      CommandRunner runner,
      Scheduler scheduler,
      RunListener listener,
      int maxParallelStages,
      DiagnosticsMemory memory,
      ProjectCache cache) {
    PipelineRun run =
        create(project, request, runner, scheduler, listener, maxParallelStages, memory, cache);
    run.begin();
    return run;
  }

  /** A run that starts its stages when {@link #begin} is called. */
  static PipelineRun create(
      ProjectConfig project,
      RunRequest request,
      CommandRunner runner,
      Scheduler scheduler,
      RunListener listener,
      int maxParallelStages,
      DiagnosticsMemory memory,
      ProjectCache cache) {
    return new PipelineRun(
        project, request, runner, scheduler, listener, maxParallelStages, memory, cache);
  }

  /** Completes with the run record once every stage has ended. */
  public CompletableFuture<RunRecord> result() {
    return result;
  }

  public String runId() {
    return request.runId();
  }

  /** Kills every running stage's process tree and marks the stages not started as cancelled. */
  public void cancel() {
    List<RunningCommand> running = new ArrayList<>();
    List<StageRecord> waitingEnded = new ArrayList<>();
    boolean tellStarted;
    synchronized (this) {
      if (phase.over() || phase.cancelling()) {
        return;
      }
      tellStarted = phase.startUntold();
      phase = phase.cancelled();
      for (Map.Entry<String, StageState> e : stages.all().entrySet()) {
        if (e.getValue() instanceof StageState.Running r && r.command() != null) {
          running.add(r.command());
        } else if (e.getValue() instanceof StageState.BackingOff b) {
          b.task().cancel();
          StageState.Done done = records.cancelled(e.getKey(), b.attempts());
          e.setValue(done);
          waitingEnded.add(done.record());
        }
      }
    }
    if (tellStarted) {
      listener.runStarted(going());
    }
    running.forEach(RunningCommand::cancel);
    for (StageRecord ended : waitingEnded) {
      listener.stageFinished(going(), ended);
    }
    step();
  }

  /** Writes the run's files and starts its first stages; called once, with no lock held. */
  void begin() {
    synchronized (this) {
      startedAt = scheduler.now();
      startNanos = scheduler.nanoTime();
    }
    try {
      changedList = StageCommand.writeChangedList(request);
    } catch (IOException e) {
      RunRecord failed;
      synchronized (this) {
        phase = phase.finished();
        failed = records.over(startedAt, startNanos, RunResult.ERROR, List.of());
      }
      failed = failed.toBuilder().error(cannotWrite(e)).build();
      listener.runStarting(failed);
      listener.runStarted(failed);
      listener.runFinished(failed);
      result.complete(failed);
      return;
    }
    synchronized (this) {
      phase = phase.begun();
    }
    listener.runStarting(going());
    cache.begin();
    step(); // announces the start once the first stages run
  }

  /** Why the run's folder or changed list could not be written, naming the folder. */
  private String cannotWrite(IOException e) {
    return "cannot write the run's files in " + request.runDir() + ": " + e;
  }

  /** Tells the listener the run started, once, before anything else about it. */
  private void announceStart() {
    synchronized (this) {
      if (!phase.startUntold()) {
        return;
      }
      phase = phase.announced();
    }
    listener.runStarted(going());
  }

  /** Starts what can start, skips what cannot run, finishes the run when nothing is left. */
  private void step() {
    List<String> toStart = new ArrayList<>();
    List<StageRecord> skippedNow = new ArrayList<>();
    RunRecord done = null;
    boolean tellStarted;
    synchronized (this) {
      if (phase.over()) {
        return;
      }
      boolean progress = true;
      while (progress) {
        progress = false;
        for (String name : stages.waiting()) {
          if (phase.cancelling()) {
            skippedNow.add(endUnrun(name, StageStatus.CANCELLED));
            progress = true;
          } else if (stages.blocked(name)) {
            skippedNow.add(endUnrun(name, StageStatus.SKIPPED));
            progress = true;
          } else if (stages.ready(name) && stages.placesTaken() < maxParallelStages) {
            stages.set(name, new StageState.Waiting().start(scheduler.nanoTime()));
            toStart.add(name);
          }
        }
      }
      tellStarted = (toStart.isEmpty() || !skippedNow.isEmpty()) && phase.startUntold();
      if (tellStarted) {
        phase = phase.announced();
      }
      if (toStart.isEmpty() && stages.placesTaken() == 0) {
        RunResult result = phase.cancelling() ? RunResult.CANCELLED : stages.result();
        done = records.over(startedAt, startNanos, result, stages.records());
        phase = phase.finished();
      }
    }
    if (tellStarted) {
      listener.runStarted(going());
    }
    for (StageRecord skipped : skippedNow) {
      listener.stageFinished(going(), skipped);
    }
    for (String name : toStart) {
      launch(name);
    }
    if (done != null) {
      listener.runFinished(done);
      result.complete(done);
    }
  }

  private StageRecord endUnrun(String name, StageStatus status) {
    StageState.Done done = records.notRun(name, status);
    stages.set(name, done);
    return done.record();
  }

  /** A stage took its place: it asks the cache first when it is cached, else runs. */
  private void launch(String name) {
    StageConfig stage = graph.stage(name);
    if (cache.wanted(stage)) {
      synchronized (this) {
        StageState.Running starting = (StageState.Running) stages.get(name);
        stages.set(name, starting.askCache(scheduler.nanoTime()));
      }
      announceStart();
      cache
          .lookup(stage, s -> StageCommand.command(s, graph.pathsFor(s.name(), request.changed())))
          .whenComplete((lookup, e) -> lookedUp(name, lookup));
      return;
    }
    attempt(name, stage);
  }

  /** Starts the stage's next attempt. */
  private void attempt(String name, StageConfig stage) {
    List<String> paths = graph.pathsFor(name, request.changed());
    DiagnosticParser parser = DiagnosticParsers.parser(stage.format(), project.root());
    synchronized (this) {
      StageState.Running starting = (StageState.Running) stages.get(name);
      stages.set(name, starting.attempt(parser));
    }
    RunningCommand command =
        runner.start(
            StageCommand.spec(project, stage, request, paths, changedList),
            lines -> lines.forEachText(parser::accept));
    // Reported once the process runs; its end is only heard below, after these.
    announceStart();
    listener.stageStarted(going(), name);
    boolean cancelNow;
    synchronized (this) {
      StageState.Running running = (StageState.Running) stages.get(name);
      stages.set(name, running.started(command));
      cancelNow = phase.cancelling();
    }
    if (cancelNow) {
      command.cancel();
    }
    command.result().whenComplete((output, error) -> ended(name, stage, output, error));
  }

  private void ended(String name, StageConfig stage, CommandOutput output, Throwable error) {
    StageOutcome.Next next;
    synchronized (this) {
      StageState.Running running = (StageState.Running) stages.get(name);
      next = StageOutcome.next(name, stage, running, output, error, phase.cancelling(), records);
      stages.set(name, next.state());
    }
    if (!(next.state() instanceof StageState.Done done)) {
      retryAfter(name, stage, next.backoff());
      return;
    }
    listener.stageFinished(going(), done.record());
    step();
  }

  private void lookedUp(String name, Lookup lookup) {
    StageRecord cached = null;
    boolean cancelledMeanwhile;
    synchronized (this) {
      StageState.AskingCache asking = (StageState.AskingCache) stages.get(name);
      cancelledMeanwhile = phase.cancelling();
      StageState next;
      if (cancelledMeanwhile) {
        next = records.cancelled(name, asking.attempts());
      } else if (lookup != null && lookup.hit().isPresent()) {
        long took = scheduler.nanoTime() - asking.askedNanos();
        next =
            new StageState.Done(
                cache.record(name, lookup.key().orElseThrow(), lookup.hit().get(), took), false);
      } else {
        next = asking.missed(lookup == null ? null : lookup.key().orElse(null));
      }
      stages.set(name, next);
      if (next instanceof StageState.Done done) {
        cached = done.record();
      }
    }
    if (cached == null) {
      attempt(name, graph.stage(name));
      return;
    }
    if (!cancelledMeanwhile) {
      listener.stageStarted(going(), name);
    }
    listener.stageFinished(going(), cached);
    step();
  }

  /** Starts the stage's next attempt after the backoff, on the scheduler; a cancel calls it off. */
  private void retryAfter(String name, StageConfig stage, Duration wait) {
    if (wait.isZero()) {
      attempt(name, stage);
      return;
    }
    Scheduler.Cancellable task = scheduler.schedule(wait, () -> retryNow(name, stage));
    synchronized (this) {
      if (stages.get(name) instanceof StageState.BackingOff b) {
        stages.set(name, b.scheduled(task));
        return;
      }
    }
    task.cancel(); // cancelled meanwhile
  }

  private void retryNow(String name, StageConfig stage) {
    synchronized (this) {
      if (phase.cancelling() || !(stages.get(name) instanceof StageState.BackingOff b)) {
        return;
      }
      stages.set(name, b.over());
    }
    attempt(name, stage);
  }

  /** The run as it goes: no result yet, with the stages that ended so far. */
  private synchronized RunRecord going() {
    return records.going(startedAt, stages.records());
  }
}
