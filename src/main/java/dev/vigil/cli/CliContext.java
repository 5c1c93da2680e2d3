package dev.vigil.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use from the world it runs in, passed down instead of read from globals so
 * tests can run commands in-process.
 *
 * @param env environment variables
 * @param cwd the current directory, absolute
 * @param out standard output
 * @param err standard error
 * @param tty whether standard output is a terminal (colour, live progress)
 */
record CliContext(
    Map<String, String> env, Path cwd, PrintStream out, PrintStream err, boolean tty) {
  static CliContext system() {
    return new CliContext(
        System.getenv(),
        Path.of("").toAbsolutePath(),
        System.out,
        System.err,
        System.console() != null);
  }
}
