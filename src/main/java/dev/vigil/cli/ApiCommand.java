package dev.vigil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A command that talks to the running daemon of a state dir. */
abstract class ApiCommand implements Callable<Integer> {
  final CliContext ctx;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory of the daemon.")
  Path stateDir;

  ApiCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  Path stateDir() {
    return StateDirChoice.resolve(ctx, stateDir);
  }

  ApiClient client() {
    return ApiClient.connect(stateDir());
  }
}
