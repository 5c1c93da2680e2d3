package dev.vigil.pipeline;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.diagnostics.DiagnosticParser;
import dev.vigil.diagnostics.FixMemory;
import dev.vigil.process.Outcome;
import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one run: a stage's when it ends, the run's while it goes and when it is over. A
 * stage that passed under a cache key is stored in the cache here.
 */
final class RunRecords {
  private final ProjectConfig project;
  private final RunRequest request;
  private final Scheduler scheduler;
  private final DiagnosticsMemory memory;
  private final CacheStep cache;

  RunRecords(
      ProjectConfig project,
      RunRequest request,
      Scheduler scheduler,
      DiagnosticsMemory memory,
      CacheStep cache) {
    this.project = project;
    this.request = request;
    this.scheduler = scheduler;
    this.memory = memory;
    this.cache = cache;
  }

  /** A stage that never ran: skipped, or cancelled before it started. */
  StageState.Done notRun(String name, StageStatus status) {
    return done(name, null, null, status, null, false);
  }

  /** A stage cancelled while it asked the cache or waited to be tried again. */
  StageState.Done cancelled(String name, StageState.Attempts attempts) {
    return done(name, attempts, null, StageStatus.CANCELLED, null, false);
  }

  /** A stage whose tool could not be run at all: failed, and the run's result is an error. */
  StageState.Done couldNotRun(String name, StageState.Attempts attempts, DiagnosticParser parser) {
    return done(name, attempts, parser, StageStatus.FAILED, null, true);
  }

  /** A stage whose last attempt ended with {@code outcome}, read by {@code parser}. */
  StageState.Done ended(
      String name, StageState.Attempts attempts, DiagnosticParser parser, Outcome outcome) {
    Integer exit = outcome instanceof Outcome.Exited ex ? ex.code() : null;
    return done(
        name,
        attempts,
        parser,
        StageOutcome.status(outcome),
        exit,
        StageOutcome.couldNotRun(outcome));
  }

  /**
   * A stage whose attempts ended: its record, with the diagnostics {@code parser} read (none when
   * it was cancelled), its log file and how long it took.
   */
  private StageState.Done done(
      String name,
      StageState.Attempts attempts,
      DiagnosticParser parser,
      StageStatus status,
      Integer exitCode,
      boolean couldNotRun) {
    boolean ran = attempts != null && attempts.count() > 0;
    long durationMs =
        ran ? Duration.ofNanos(scheduler.nanoTime() - attempts.startNanos()).toMillis() : 0;
    String logFile =
        ran ? request.stateDir().relativize(StageCommand.logFile(request, name)).toString() : null;
    StageRecord rec =
        new StageRecord(
            name,
            status,
            exitCode,
            durationMs,
            ran ? attempts.count() : 0,
            attempts == null ? "" : attempts.tail(),
            logFile == null ? null : logFile.replace('\\', '/'),
            diagnosticsOf(name, parser, status),
            attempts == null ? List.of() : attempts.retries(),
            attempts == null ? 0 : attempts.leftBehind());
    String key = attempts == null ? null : attempts.cacheKey();
    if (key != null) {
      rec = rec.withCacheKey(key);
      if (status == StageStatus.PASSED) {
        cache.passed(key, rec, scheduler.now());
      }
    }
    return new StageState.Done(rec, couldNotRun);
  }

  /** What the stage's output says is wrong (warnings too); nothing for one cancelled or not run. */
  private List<Diagnostic> diagnosticsOf(String name, DiagnosticParser parser, StageStatus status) {
    if (parser == null || status == StageStatus.CANCELLED) {
      return List.of();
    }
    FixMemory.StageRun stage =
        new FixMemory.StageRun(
            project.name(), name, request.runId(), project.root(), scheduler.now());
    return memory.annotate(stage, status.decisive(), parser.finish());
  }

  /** The run while it goes: no result yet, and the stages that ended so far. */
  RunRecord going(Instant startedAt, List<StageRecord> stages) {
    return builder(startedAt, stages).build();
  }

  /** The run at its end, {@code startNanos} after it started. */
  RunRecord over(Instant startedAt, long startNanos, RunResult result, List<StageRecord> stages) {
    long durationMs = Duration.ofNanos(scheduler.nanoTime() - startNanos).toMillis();
    return builder(startedAt, stages).finished(scheduler.now(), durationMs, result).build();
  }

  private RunRecord.Builder builder(Instant startedAt, List<StageRecord> stages) {
    return RunRecord.builder(project.name(), request.trigger())
        .runId(request.runId())
        .queuedAt(request.queuedAt())
        .startedAt(startedAt)
        .stages(orderByConfig(stages));
  }

  private List<StageRecord> orderByConfig(List<StageRecord> stages) {
    List<StageRecord> out = new ArrayList<>();
    for (StageConfig s : project.stages()) {
      stages.stream().filter(r -> r.name().equals(s.name())).findFirst().ifPresent(out::add);
    }
    return out;
  }
}
