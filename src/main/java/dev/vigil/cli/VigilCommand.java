package dev.vigil.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code vigil} command; does nothing alone but list its subcommands. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Watches source trees and runs each project's stages on every save.",
    subcommandsRepeatable = false)
final class VigilCommand implements Runnable {
  @Mixin final VerboseFlag verbose;

  @Spec CommandSpec spec;

  VigilCommand(VerboseFlag verbose) {
    this.verbose = verbose;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is needed");
  }
}
