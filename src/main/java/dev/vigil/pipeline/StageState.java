package dev.vigil.pipeline;

import dev.vigil.diagnostics.DiagnosticParser;
import dev.vigil.process.RunningCommand;
import dev.vigil.run.StageRetry;
import dev.vigil.run.StageStatus;
import dev.vigil.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/** The mutable progress of one stage inside a {@link PipelineRun}; guarded by the run's lock. */
final class StageState {
  enum Phase {
    PENDING,
    RUNNING,
    DONE
  }

  Phase phase = Phase.PENDING;
  StageStatus status;
  Integer exitCode;
  int attempts;
  long startNanos;
  String outputTail = "";
  boolean logWritten;
  RunningCommand command;
  DiagnosticParser parser;
  final List<StageRetry> retries = new ArrayList<>();
  int leftBehind;

  /** Whether the cache was asked about this stage; its key when it is cached. */
  boolean lookedUp;

  String cacheKey;

  /** The wait before the next attempt, while it runs. */
  Scheduler.Cancellable backoff;

  boolean passed() {
    return phase == Phase.DONE && (status == StageStatus.PASSED || status == StageStatus.CACHED);
  }
}
