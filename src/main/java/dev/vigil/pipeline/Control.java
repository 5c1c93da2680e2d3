package dev.vigil.pipeline;

import dev.vigil.batch.ChangeBatch;
import dev.vigil.run.RunRecord;
import dev.vigil.run.TriggerKind;

/**
 * Everything a project's loop acts on: file batches, API and CLI requests, and its own run endings,
 * as one closed set of values.
 */
sealed interface Control {
  /** Urgent controls go ahead of queued batches. */
  default boolean urgent() {
    return false;
  }

  /** Paths changed. */
  record Changes(ChangeBatch batch) implements Control {}

  /** Run every stage, for this reason (manual, startup, after, config). */
  record RunAll(TriggerKind kind) implements Control {}

  /**
   * Run every stage now, for {@code vigil once}, even while paused or held; {@code done} gets the
   * record of the run. Such a run starts no {@code after} chain: once orders its projects itself.
   */
  record RunOnce(java.util.concurrent.CompletableFuture<RunRecord> done) implements Control {}

  /** Hold: changes wait, and start no run, until let go; once-runs still start. */
  record Hold() implements Control {}

  /** Let go of the hold. */
  record Release() implements Control {}

  record Pause() implements Control {
    @Override
    public boolean urgent() {
      return true;
    }
  }

  record Resume() implements Control {}

  /** Cancel the running pipeline, if any; pending changes are dropped. */
  record Cancel() implements Control {
    @Override
    public boolean urgent() {
      return true;
    }
  }

  /** A slot under the workstation cap was granted. */
  record SlotGranted(RunSlots.Slot slot) implements Control {
    @Override
    public boolean urgent() {
      return true;
    }
  }

  /** A run the loop started has ended. */
  record RunEnded(PipelineRun run, RunRecord record) implements Control {
    @Override
    public boolean urgent() {
      return true;
    }
  }

  /** Nothing to do but look again at whether to start a run or report idle. */
  record Wake() implements Control {}
}
