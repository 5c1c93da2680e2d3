package dev.vigil.pipeline;

import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The run a project's loop has going: the pipeline, the paths it covers, whether its end starts
 * {@code after} chains, the once-runs waiting for its record, and what happened to it meanwhile.
 * Changed only by its loop, under the loop's lock.
 */
final class ActiveRun {
  final PipelineRun run;
  final List<String> paths;
  final boolean chains;
  final List<CompletableFuture<RunRecord>> waiters;
  private boolean changedMeanwhile;
  private boolean cancelledByUser;

  ActiveRun(
      PipelineRun run,
      List<String> paths,
      boolean chains,
      List<CompletableFuture<RunRecord>> waiters) {
    this.run = run;
    this.paths = List.copyOf(paths);
    this.chains = chains;
    this.waiters = waiters;
  }

  /** Files changed while it ran: the project is stale when it ends. */
  void changed() {
    changedMeanwhile = true;
  }

  boolean changedMeanwhile() {
    return changedMeanwhile;
  }

  /** The user cancelled it: its end is not a restart. */
  void cancelledByUser() {
    cancelledByUser = true;
  }

  /** Whether it ended cancelled to be run again (by a change or a run asked for). */
  boolean restartedBy(RunRecord record) {
    return record != null && record.result() == RunResult.CANCELLED && !cancelledByUser;
  }
}
