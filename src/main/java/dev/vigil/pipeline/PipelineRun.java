package dev.vigil.pipeline;

import dev.vigil.cache.Lookup;
import dev.vigil.cache.ProjectCache;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.diagnostics.DiagnosticParser;
import dev.vigil.diagnostics.DiagnosticParsers;
import dev.vigil.diagnostics.FixMemory;
import dev.vigil.process.CommandOutput;
import dev.vigil.process.CommandRunner;
import dev.vigil.process.Outcome;
import dev.vigil.process.RunningCommand;
import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageRetry;
import dev.vigil.run.StageStatus;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a project's stage graph: stages whose needs passed start in parallel (at most {@code
 * maxParallelStages} at once), a failed stage marks every stage that needs it skipped, independent
 * stages go on. The result is the run record.
 */
public final class PipelineRun {
  private final ProjectConfig project;
  private final RunRequest request;
  private final CommandRunner runner;
  private final Scheduler scheduler;
  private final RunListener listener;
  private final int maxParallelStages;
  private final DiagnosticsMemory memory;
  private final StageGraph graph;
  private final Set<String> selected;
  private final Map<String, StageState> states = new LinkedHashMap<>();
  private final Map<String, StageRecord> records = new LinkedHashMap<>();
  private final CompletableFuture<RunRecord> result = new CompletableFuture<>();
  private final CacheStep cache;
  private Instant startedAt;
  private long startNanos;
  private Path changedList;
  private boolean cancelled;
  private boolean finished;
  private boolean couldNotRun;
  private boolean announced;

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
    this.cache = new CacheStep(cache, request);
    this.memory = memory;
    this.request = request;
    this.runner = runner;
    this.scheduler = scheduler;
    this.listener = listener;
    this.maxParallelStages = Math.max(1, maxParallelStages);
    this.graph = new StageGraph(project);
    boolean all = request.changed().isEmpty();
    this.selected = graph.selectedFor(request.changed(), all);
    for (String name : selected) {
      states.put(name, new StageState());
    }
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
        project, request, runner, scheduler, listener, maxParallelStages, DiagnosticsMemory.NONE);
  }

  /** Starts the run, with diagnostics annotated from {@code memory}; stages begin at once. */
  public static PipelineRun start(
      ProjectConfig project,
      RunRequest request,
      CommandRunner runner,
      Scheduler scheduler,
      RunListener listener,
      int maxParallelStages,
      DiagnosticsMemory memory) {
    return start(
        project,
        request,
        runner,
        scheduler,
        listener,
        maxParallelStages,
        memory,
        ProjectCache.NONE);
  }

  /** Starts the run, with cached stages answered from {@code cache}; stages begin at once. */
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
    synchronized (this) {
      if (finished || cancelled) {
        return;
      }
      cancelled = true;
      for (Map.Entry<String, StageState> e : states.entrySet()) {
        StageState state = e.getValue();
        if (state.phase == StageState.Phase.RUNNING && state.command != null) {
          running.add(state.command);
        } else if (state.phase == StageState.Phase.RUNNING && state.backoff != null) {
          state.backoff.cancel();
          state.backoff = null;
          waitingEnded.add(finish(e.getKey(), state, StageStatus.CANCELLED, null));
        }
      }
    }
    running.forEach(RunningCommand::cancel);
    for (StageRecord ended : waitingEnded) {
      listener.stageFinished(record(null, snapshot()), ended);
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
      RunRecord failed =
          record(RunResult.ERROR, List.of()).toBuilder().error(cannotWrite(e)).build();
      listener.runStarting(failed);
      listener.runStarted(failed);
      synchronized (this) {
        finished = true;
        announced = true;
      }
      listener.runFinished(failed);
      result.complete(failed);
      return;
    }
    listener.runStarting(record(null, List.of()));
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
      if (announced) {
        return;
      }
      announced = true;
    }
    listener.runStarted(record(null, List.of()));
  }

  /** Starts what can start, skips what cannot run, finishes the run when nothing is left. */
  private void step() {
    List<String> toStart = new ArrayList<>();
    List<StageRecord> skippedNow = new ArrayList<>();
    RunRecord done = null;
    synchronized (this) {
      if (finished) {
        return;
      }
      boolean progress = true;
      while (progress) {
        progress = false;
        for (Map.Entry<String, StageState> e : states.entrySet()) {
          StageState state = e.getValue();
          if (state.phase != StageState.Phase.PENDING) {
            continue;
          }
          if (cancelled) {
            skippedNow.add(finish(e.getKey(), state, StageStatus.CANCELLED, null));
            progress = true;
          } else if (blocked(e.getKey())) {
            skippedNow.add(finish(e.getKey(), state, StageStatus.SKIPPED, null));
            progress = true;
          } else if (ready(e.getKey()) && running() < maxParallelStages) {
            state.phase = StageState.Phase.RUNNING;
            state.startNanos = scheduler.nanoTime();
            toStart.add(e.getKey());
          }
        }
      }
      if (toStart.isEmpty() && running() == 0) {
        finished = true;
        done = record(outcome(), List.copyOf(records.values()));
      }
    }
    if (toStart.isEmpty() || !skippedNow.isEmpty()) {
      announceStart();
    }
    for (StageRecord skipped : skippedNow) {
      listener.stageFinished(record(null, snapshot()), skipped);
    }
    for (String name : toStart) {
      launch(name);
    }
    if (done != null) {
      listener.runFinished(done);
      result.complete(done);
    }
  }

  private void launch(String name) {
    StageConfig stage = graph.stage(name);
    if (lookUpFirst(name, stage)) {
      return;
    }
    List<String> paths = graph.pathsFor(name, request.changed());
    StageState state;
    DiagnosticParser parser = DiagnosticParsers.parser(stage.format(), project.root());
    synchronized (this) {
      state = states.get(name);
      state.attempts++;
      state.parser = parser;
    }
    RunningCommand command =
        runner.start(
            StageCommand.spec(project, stage, request, paths, changedList),
            line -> parser.accept(line.text()));
    // Reported once the process runs; its end is only heard below, after these.
    announceStart();
    listener.stageStarted(record(null, snapshot()), name);
    boolean cancelNow;
    synchronized (this) {
      state.command = command;
      cancelNow = cancelled;
    }
    if (cancelNow) {
      command.cancel();
    }
    command.result().whenComplete((output, error) -> ended(name, stage, output, error));
  }

  private void ended(String name, StageConfig stage, CommandOutput output, Throwable error) {
    StageRecord finishedRecord;
    boolean retry;
    Duration wait = Duration.ZERO;
    synchronized (this) {
      StageState state = states.get(name);
      state.command = null;
      if (error != null) {
        state.outputTail = "vigil: the stage could not be run: " + error;
        couldNotRun = true;
        finishedRecord = finish(name, state, StageStatus.FAILED, null);
        retry = false;
      } else {
        Outcome outcome = output.outcome();
        state.outputTail = StageOutcome.tail(output, state.parser.text());
        state.leftBehind += output.leftBehind();
        Optional<String> why =
            cancelled
                ? Optional.empty()
                : StageOutcome.retryReason(
                    outcome, state.attempts, stage.retry(), state.outputTail);
        retry = why.isPresent();
        if (retry) {
          int next = state.attempts + 1;
          wait = stage.retry().waitBefore(next);
          state.retries.add(new StageRetry(next, why.get(), wait.toMillis()));
          if (!wait.isZero()) {
            state.backoff = () -> {}; // waiting; the scheduled task takes its place below
          }
          finishedRecord = null;
        } else {
          couldNotRun |= StageOutcome.couldNotRun(outcome);
          Integer exit = outcome instanceof Outcome.Exited ex ? ex.code() : null;
          finishedRecord = finish(name, state, StageOutcome.status(outcome), exit);
        }
      }
    }
    if (retry) {
      retryAfter(name, wait);
      return;
    }
    listener.stageFinished(record(null, snapshot()), finishedRecord);
    step();
  }

  /** Asks the cache first, once; true when the answer decides what happens to the stage. */
  private boolean lookUpFirst(String name, StageConfig stage) {
    long asked;
    synchronized (this) {
      StageState state = states.get(name);
      if (state.lookedUp || !cache.wanted(stage)) {
        return false;
      }
      state.lookedUp = true;
      asked = scheduler.nanoTime();
    }
    announceStart();
    cache.lookup(stage).whenComplete((lookup, e) -> lookedUp(name, lookup, asked));
    return true;
  }

  private void lookedUp(String name, Lookup lookup, long askedNanos) {
    StageRecord cached = null;
    boolean cancelledMeanwhile;
    synchronized (this) {
      StageState state = states.get(name);
      cancelledMeanwhile = cancelled;
      if (cancelled) {
        cached = finish(name, state, StageStatus.CANCELLED, null);
      } else if (lookup != null && lookup.hit().isPresent()) {
        state.phase = StageState.Phase.DONE;
        state.status = StageStatus.CACHED;
        cached =
            cache.record(
                name,
                lookup.key().orElseThrow(),
                lookup.hit().get(),
                scheduler.nanoTime() - askedNanos);
        records.put(name, cached);
      } else if (lookup != null) {
        state.cacheKey = lookup.key().orElse(null);
      }
    }
    if (cached == null) {
      launch(name);
      return;
    }
    if (!cancelledMeanwhile) {
      listener.stageStarted(record(null, snapshot()), name);
    }
    listener.stageFinished(record(null, snapshot()), cached);
    step();
  }

  /** Starts the stage's next attempt after the backoff, on the scheduler; a cancel calls it off. */
  private void retryAfter(String name, Duration wait) {
    if (wait.isZero()) {
      launch(name);
      return;
    }
    StageState state;
    synchronized (this) {
      state = states.get(name);
    }
    Scheduler.Cancellable task = scheduler.schedule(wait, () -> retryNow(name));
    synchronized (this) {
      if (state.backoff != null) {
        state.backoff = task;
        return;
      }
    }
    task.cancel(); // cancelled meanwhile
  }

  private void retryNow(String name) {
    synchronized (this) {
      StageState state = states.get(name);
      if (cancelled || state.backoff == null) {
        return;
      }
      state.backoff = null;
    }
    launch(name);
  }

  private StageRecord finish(String name, StageState state, StageStatus status, Integer exitCode) {
    state.phase = StageState.Phase.DONE;
    state.status = status;
    state.exitCode = exitCode;
    boolean ran = state.attempts > 0;
    long durationMs =
        ran ? Duration.ofNanos(scheduler.nanoTime() - state.startNanos).toMillis() : 0;
    String logFile =
        ran ? request.stateDir().relativize(StageCommand.logFile(request, name)).toString() : null;
    StageRecord rec =
        new StageRecord(
            name,
            status,
            exitCode,
            durationMs,
            state.attempts,
            state.outputTail,
            logFile == null ? null : logFile.replace('\\', '/'),
            diagnosticsOf(name, state, status),
            List.copyOf(state.retries),
            state.leftBehind);
    if (state.cacheKey != null) {
      rec = rec.withCacheKey(state.cacheKey);
      if (status == StageStatus.PASSED) {
        cache.passed(state.cacheKey, rec, scheduler.now());
      }
    }
    records.put(name, rec);
    return rec;
  }

  /** What the stage's output says is wrong (warnings too); nothing for one cancelled or not run. */
  private List<Diagnostic> diagnosticsOf(String name, StageState state, StageStatus status) {
    if (state.parser == null || status == StageStatus.CANCELLED) {
      return List.of();
    }
    FixMemory.StageRun stage =
        new FixMemory.StageRun(
            project.name(), name, request.runId(), project.root(), scheduler.now());
    return memory.annotate(stage, status.decisive(), state.parser.finish());
  }

  private boolean blocked(String name) {
    for (String need : graph.stage(name).needs()) {
      StageState dep = states.get(need);
      if (dep != null && dep.phase == StageState.Phase.DONE && !dep.passed()) {
        return true;
      }
    }
    return false;
  }

  private boolean ready(String name) {
    for (String need : graph.stage(name).needs()) {
      StageState dep = states.get(need);
      if (dep != null && !dep.passed()) {
        return false;
      }
    }
    return true;
  }

  private int running() {
    return (int) states.values().stream().filter(s -> s.phase == StageState.Phase.RUNNING).count();
  }

  private RunResult outcome() {
    if (cancelled) {
      return RunResult.CANCELLED;
    }
    if (couldNotRun) {
      return RunResult.ERROR;
    }
    boolean allPassed =
        records.values().stream()
            .allMatch(r -> r.status() == StageStatus.PASSED || r.status() == StageStatus.CACHED);
    return allPassed ? RunResult.PASSED : RunResult.FAILED;
  }

  private synchronized List<StageRecord> snapshot() {
    return List.copyOf(records.values());
  }

  private synchronized RunRecord record(RunResult resultWord, List<StageRecord> stages) {
    RunRecord.Builder run =
        RunRecord.builder(project.name(), request.trigger())
            .runId(request.runId())
            .queuedAt(request.queuedAt())
            .startedAt(startedAt)
            .stages(orderByConfig(stages));
    if (resultWord != null) {
      long durationMs = Duration.ofNanos(scheduler.nanoTime() - startNanos).toMillis();
      run.finished(scheduler.now(), durationMs, resultWord);
    }
    return run.build();
  }

  private List<StageRecord> orderByConfig(List<StageRecord> stages) {
    List<StageRecord> out = new ArrayList<>();
    for (StageConfig s : project.stages()) {
      stages.stream().filter(r -> r.name().equals(s.name())).findFirst().ifPresent(out::add);
    }
    return out;
  }
}
