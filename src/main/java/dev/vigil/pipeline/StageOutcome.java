package dev.vigil.pipeline;

import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.process.CommandOutput;
import dev.vigil.process.Outcome;
import dev.vigil.run.StageRetry;
import dev.vigil.run.StageStatus;
import java.time.Duration;
import java.util.Optional;

/** What a stage's ended command means for the run: its status, tail, retry, error. */
final class StageOutcome {
  private StageOutcome() {}

  /**
   * Where a stage goes when an attempt ended: {@link StageState.Done}, or another attempt after
   * {@code backoff} ({@link StageState.BackingOff}, or {@link StageState.Running} when there is no
   * wait).
   */
  record Next(StageState state, Duration backoff) {}

  /**
   * The stage's next state once its attempt ended with {@code output} (or could not be run at all:
   * {@code error}); a cancelled run tries nothing again.
   */
  static Next next(
      String name,
      StageConfig stage,
      StageState.Running running,
      CommandOutput output,
      Throwable error,
      boolean cancelled,
      RunRecords records) {
    if (error != null) {
      StageState.Running ended = running.ended("vigil: the stage could not be run: " + error, 0);
      return new Next(records.couldNotRun(name, ended.attempts(), ended.parser()), Duration.ZERO);
    }
    Outcome outcome = output.outcome();
    StageState.Running ended =
        running.ended(tail(output, running.parser().text()), output.leftBehind());
    StageState.Attempts so = ended.attempts();
    Optional<String> why =
        cancelled ? Optional.empty() : retryReason(outcome, so.count(), stage.retry(), so.tail());
    if (why.isPresent()) {
      int attempt = so.count() + 1;
      Duration wait = stage.retry().waitBefore(attempt);
      StageState.BackingOff backOff =
          ended.backOff(new StageRetry(attempt, why.get(), wait.toMillis()));
      return new Next(wait.isZero() ? backOff.over() : backOff, wait);
    }
    return new Next(records.ended(name, so, ended.parser(), outcome), Duration.ZERO);
  }

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
