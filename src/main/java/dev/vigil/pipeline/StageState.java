package dev.vigil.pipeline;

import dev.vigil.diagnostics.DiagnosticParser;
import dev.vigil.process.RunningCommand;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageRetry;
import dev.vigil.run.StageStatus;
import dev.vigil.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one stage of a {@link PipelineRun} is. A stage moves only forward:
 *
 * <pre>
 * Waiting ──► AskingCache ──► Running ⇄ BackingOff
 *    │             │             │          │
 *    └─────────────┴─────────────┴──────────┴──► Done
 * </pre>
 *
 * Every state but {@link Waiting} and {@link Done} holds one of the run's places ({@code
 * maxParallelStages}). The states are values: the run replaces a stage's state, under its lock.
 */
sealed interface StageState {
  /** Holds one of the run's places. */
  default boolean takesPlace() {
    return false;
  }

  /** Ended, and passed (or answered by the cache). */
  default boolean passed() {
    return false;
  }

  /** Waits for its needs to pass, or for a free place. */
  record Waiting() implements StageState {
    /** Took a place at {@code nanos}: it asks the cache or starts its first attempt next. */
    Running start(long nanos) {
      return new Running(Attempts.first(nanos), null, null);
    }
  }

  /** Its cache lookup is out, asked at {@code askedNanos}. */
  record AskingCache(Attempts attempts, long askedNanos) implements StageState {
    @Override
    public boolean takesPlace() {
      return true;
    }

    /** Not in the cache: the stage runs, and is stored under {@code key} if it passes. */
    Running missed(String key) {
      return new Running(attempts.withCacheKey(key), null, null);
    }
  }

  /**
   * An attempt runs (or is about to: {@code parser} and {@code command} are null until it starts,
   * {@code command} until the runner returned it).
   */
  record Running(Attempts attempts, DiagnosticParser parser, RunningCommand command)
      implements StageState {
    @Override
    public boolean takesPlace() {
      return true;
    }

    AskingCache askCache(long nanos) {
      return new AskingCache(attempts, nanos);
    }

    /** The next attempt is being started, read by {@code parser}. */
    Running attempt(DiagnosticParser parser) {
      return new Running(attempts.another(), parser, null);
    }

    Running started(RunningCommand command) {
      return new Running(attempts, parser, command);
    }

    /** The attempt ended with this tail, having left {@code leftBehind} processes. */
    Running ended(String tail, int leftBehind) {
      return new Running(attempts.ended(tail, leftBehind), parser, null);
    }

    /** The attempt failed in a way worth another after a wait. */
    BackingOff backOff(StageRetry retry) {
      return new BackingOff(attempts.retried(retry), BackingOff.NOT_YET);
    }
  }

  /** Waits out the backoff before its next attempt; {@code task} calls the attempt. */
  record BackingOff(Attempts attempts, Scheduler.Cancellable task) implements StageState {
    /** The wait is decided but not yet handed to the scheduler. */
    static final Scheduler.Cancellable NOT_YET = () -> {};

    @Override
    public boolean takesPlace() {
      return true;
    }

    BackingOff scheduled(Scheduler.Cancellable task) {
      return new BackingOff(attempts, task);
    }

    /** The wait is over: the next attempt starts. */
    Running over() {
      return new Running(attempts, null, null);
    }
  }

  /** Ended with this record; {@code couldNotRun} when its tool could not run at all. */
  record Done(StageRecord record, boolean couldNotRun) implements StageState {
    @Override
    public boolean passed() {
      return record.status() == StageStatus.PASSED || record.status() == StageStatus.CACHED;
    }
  }

  /**
   * What the stage's attempts so far add up to.
   *
   * @param startNanos when it took its place
   * @param count attempts started
   * @param cacheKey the key it is stored under if it passes; null when it is not cached
   * @param retries each retry so far, with its reason and wait
   * @param leftBehind processes its attempts left running that were ended
   * @param tail the output tail of the last attempt that ended
   */
  record Attempts(
      long startNanos,
      int count,
      String cacheKey,
      List<StageRetry> retries,
      int leftBehind,
      String tail) {
    public Attempts {
      retries = List.copyOf(retries);
    }

    static Attempts first(long nanos) {
      return new Attempts(nanos, 0, null, List.of(), 0, "");
    }

    Attempts withCacheKey(String key) {
      return new Attempts(startNanos, count, key, retries, leftBehind, tail);
    }

    Attempts another() {
      return new Attempts(startNanos, count + 1, cacheKey, retries, leftBehind, tail);
    }

    Attempts ended(String tail, int leftBehind) {
      return new Attempts(startNanos, count, cacheKey, retries, this.leftBehind + leftBehind, tail);
    }

    Attempts retried(StageRetry retry) {
      List<StageRetry> more = new ArrayList<>(retries);
      more.add(retry);
      return new Attempts(startNanos, count, cacheKey, more, leftBehind, tail);
    }
  }
}
