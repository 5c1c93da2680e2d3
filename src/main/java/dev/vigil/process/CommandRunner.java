package dev.vigil.process;

/** Starts commands. The pipeline is tested against a fake of this. */
public interface CommandRunner {
  /**
   * Starts the command. Never throws for a command that cannot run: the result then completes with
   * {@link Outcome.FailedToStart}.
   *
   * @param lines receives the output's lines in order, on a reader thread
   */
  RunningCommand start(CommandSpec spec, OutputListener lines);
}
