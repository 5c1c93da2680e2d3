package dev.vigil.cli;

import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code vigil reload} and {@code vigil stop}: verbs that apply to the whole daemon. */
final class DaemonActionCommand {
  private DaemonActionCommand() {}

  @Command(
      name = "reload",
      mixinStandardHelpOptions = true,
      description = {
        "Read the config file again and apply it.",
        "A bad config is reported (exit 2) and the running one kept."
      })
  static final class Reload extends ApiCommand {
    Reload(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      client().post("/api/reload", Optional.empty());
      ctx.out().println("config reloaded");
      return ExitCode.OK;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = {
        "Stop the daemon, cancelling running stages.",
        "Its last status is kept: 'vigil status' then shows each project's last result."
      })
  static final class Stop extends ApiCommand {
    Stop(CliContext ctx) {
      super(ctx);
    }

    @Override
    public Integer call() {
      client().post("/api/stop", Optional.empty());
      ctx.out().println("the daemon is stopping");
      return ExitCode.OK;
    }
  }
}
