package dev.vigil.cli;

import picocli.CommandLine.Option;

/** The console options of {@code daemon} and {@code watch}: quieter, clearer, notifying. */
final class ConsoleFlags {
  @Option(
      names = "--quiet",
      description = "Print only failed stages (output tail, log, diagnostics) and run results.")
  boolean quiet;

  @Option(names = "--clear", description = "Clear the screen before each run (on a terminal).")
  boolean clear;

  @Option(names = "--notify", description = "Desktop notification when a run fails.")
  boolean notify;

  static ConsoleFlags quiet(boolean quiet) {
    ConsoleFlags flags = new ConsoleFlags();
    flags.quiet = quiet;
    return flags;
  }
}
