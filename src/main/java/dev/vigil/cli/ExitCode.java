package dev.vigil.cli;

/** Exit codes, decided here and nowhere else. */
final class ExitCode {
  static final int OK = 0;

  /** A run failed (a stage failed, timed out or could not run). */
  static final int FAILED = 1;

  /** Bad usage, a bad config, or something the user must fix before vigil can work. */
  static final int USAGE = 2;

  /** The command needs a running daemon and none answers. */
  static final int NO_DAEMON = 3;

  /** A bug in vigil. */
  static final int INTERNAL = 70;

  private ExitCode() {}
}
