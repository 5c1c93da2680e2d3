package dev.vigil.pipeline;

import dev.vigil.config.RetryPolicy;
import dev.vigil.process.CommandOutput;
import dev.vigil.process.Outcome;
import dev.vigil.run.StageStatus;
import java.util.Optional;

/** What a stage's ended command means for the run: its status, tail, retry, error. */
final class StageOutcome {
  private StageOutcome() {}

  /** Passed, failed, timed out or cancelled. */
  static StageStatus status(Outcome outcome) {
    if (outcome instanceof Outcome.Exited e) {
      return e.code() == 0 ? StageStatus.PASSED : StageStatus.FAILED;
    } else if (outcome instanceof Outcome.TimedOut) {
      return StageStatus.TIMEOUT;
    } else if (outcome instanceof Outcome.Cancelled) {
      return StageStatus.CANCELLED;
    }
    return StageStatus.FAILED;
  }

  /**
   * The output tail as a person reads it ({@code rendered}: the stage's lines as its parser
   * rendered them), with the reason appended when the command could not start at all.
   */
  static String tail(CommandOutput output, String rendered) {
    if (output.outcome() instanceof Outcome.FailedToStart f) {
      return rendered + "vigil: could not start: " + f.reason() + "\n";
    }
    return rendered;
  }

  /**
   * The tool could not run (not started, not found, not executable): the run is an error, kept
   * apart from checks that found problems.
   */
  static boolean couldNotRun(Outcome outcome) {
    return outcome instanceof Outcome.FailedToStart
        || (outcome instanceof Outcome.Exited e && (e.code() == 127 || e.code() == 126));
  }

  /**
   * Why a failed attempt is worth another under the stage's retry policy: the line of its output
   * that looks transient, or its exit code when any failure is retried; empty when it is not.
   */
  static Optional<String> retryReason(
      Outcome outcome, int attempts, RetryPolicy policy, String tail) {
    if (!(outcome instanceof Outcome.Exited e)
        || e.code() == 0
        || couldNotRun(outcome)
        || attempts >= policy.attempts()) {
      return Optional.empty();
    }
    Optional<String> transientLine = TransientFailure.reason(tail, policy.transientPatterns());
    if (policy.onlyTransient() || transientLine.isPresent()) {
      return transientLine;
    }
    return Optional.of("exit " + e.code());
  }
}
