package dev.vigil.process;

/** How a command ended. */
public sealed interface Outcome {
  /** The process exited by itself with this code (128+N when a signal N ended it). */
  record Exited(int code) implements Outcome {}

  /** The timeout passed and the process tree was killed. */
  record TimedOut() implements Outcome {}

  /** The run was cancelled and the process tree was killed. */
  record Cancelled() implements Outcome {}

  /** The command could not run at all (no shell, bad working directory, not found). */
  record FailedToStart(String reason) implements Outcome {}

  /** True only for an exit with code 0. */
  default boolean succeeded() {
    return this instanceof Exited e && e.code() == 0;
  }
}
