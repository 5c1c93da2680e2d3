package dev.vigil.cli;

/** Something the user can fix, said in one line, with the exit code it ends in. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  UserError(String message) {
    this(message, ExitCode.USAGE);
  }

  UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  UserError(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = ExitCode.USAGE;
  }

  int exitCode() {
    return exitCode;
  }
}
