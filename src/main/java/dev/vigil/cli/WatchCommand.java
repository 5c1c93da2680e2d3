package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.daemon.Daemon;
import dev.vigil.daemon.DaemonLock;
import dev.vigil.daemon.DaemonOptions;
import dev.vigil.files.OwnerOnly;
import dev.vigil.watch.WatchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil watch}: watch one directory and run the given commands, without a config file. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Run commands on every save in DIR; no config file needed.",
      "Watches DIR (default: the current directory) and runs the -x commands in order on every"
          + " save, each only when the one before passed.",
      ".gitignore files apply; --ignore adds lines on top. SIGTERM or SIGINT stop it (exit 0).",
      "Example: vigil watch -x 'cargo check' -x 'cargo test'"
    })
final class WatchCommand implements Callable<Integer> {
  static final String USAGE = "vigil watch [DIR] -x 'COMMAND' [-x 'COMMAND']...";

  private final CliContext ctx;
  private final Foreground foreground;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory to watch.")
  Path dir;

  @Option(
      names = {"-x", "--exec"},
      paramLabel = "COMMAND",
      description = "Command to run through sh -c in DIR (repeatable; run in order, fail-fast).")
  List<String> commands = new ArrayList<>();

  @Option(
      names = "--debounce",
      paramLabel = "DURATION",
      description = "Quiet period that closes a batch of changes, e.g. 100ms (default 20ms).")
  String debounce;

  @Option(
      names = "--ignore",
      paramLabel = "GLOB",
      description = "Path to ignore, in gitignore syntax, over the gitignore files (repeatable).")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--on-busy",
      paramLabel = "POLICY",
      description = "restart (default), queue or skip: what a save during a run does.")
  String onBusy;

  @Option(names = "--json", description = "Print each finished run record as one JSON line.")
  boolean json;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory.")
  Path stateDir;

  @Mixin ConsoleFlags consoleFlags = new ConsoleFlags();

  WatchCommand(CliContext ctx) {
    this(ctx, Foreground.SIGNALS);
  }

  WatchCommand(CliContext ctx, Foreground foreground) {
    this.ctx = ctx;
    this.foreground = foreground;
  }

  @Override
  public Integer call() throws IOException {
    if (commands.isEmpty()) {
      throw new UserError("watch needs a command to run; usage: " + USAGE);
    }
    Path root = dir == null ? ctx.cwd() : ctx.cwd().resolve(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new UserError(
          (Files.exists(root) ? "not a directory: " : "no such directory: ") + root);
    }
    VigilConfig config =
        WatchConfig.of(
            new WatchConfig.Request(
                root,
                commands,
                Optional.ofNullable(debounce),
                ignore,
                Optional.ofNullable(onBusy)));
    Path state = WatchConfig.stateDir(StateDirChoice.prepare(ctx, stateDir), root);
    OwnerOnly.createDirectories(state);
    try (Console console = Reporters.console(ctx, json, state, consoleFlags)) {
      Daemon daemon;
      try {
        daemon =
            Daemon.start(
                new DaemonOptions(
                    config,
                    Optional.empty(),
                    state,
                    ctx.env(),
                    WatchSettings.DEFAULTS,
                    VersionProvider.version()),
                console.reporter(),
                ctx.json().get());
      } catch (DaemonLock.HeldElsewhere e) {
        throw new UserError(e.getMessage());
      }
      foreground.untilStopped(daemon);
    }
    return ExitCode.OK;
  }
}
