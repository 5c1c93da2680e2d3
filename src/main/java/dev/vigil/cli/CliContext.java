package dev.vigil.cli;

import dev.vigil.report.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command may use from the world it runs in, passed down instead of read from globals so
 * tests can run commands in-process.
 *
 * @param env environment variables
 * @param cwd the current directory, absolute
 * @param out standard output
 * @param err standard error
 * @param tty whether standard output is a terminal (colour, live progress)
 * @param json the process's JSON form of run records, made when first asked for ({@link
 *     SharedJson})
 */
record CliContext(
    Map<String, String> env,
    Path cwd,
    PrintStream out,
    PrintStream err,
    boolean tty,
    Supplier<Json> json) {

  /** A context with a JSON form of its own. */
  CliContext(Map<String, String> env, Path cwd, PrintStream out, PrintStream err, boolean tty) {
    this(env, cwd, out, err, tty, new SharedJson());
  }

  static CliContext system() {
    return new CliContext(
        System.getenv(),
        Path.of("").toAbsolutePath(),
        System.out,
        System.err,
        System.console() != null);
  }
}
