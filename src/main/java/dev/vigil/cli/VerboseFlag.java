package dev.vigil.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code --verbose} option, shared by every command. */
final class VerboseFlag {
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show stack traces and debug logging.")
  boolean on;
}
