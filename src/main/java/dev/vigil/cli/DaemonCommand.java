package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.EmbeddedDefault;
import dev.vigil.config.LoadedConfig;
import dev.vigil.control.ControlServer;
import dev.vigil.daemon.Daemon;
import dev.vigil.daemon.DaemonLock;
import dev.vigil.daemon.DaemonOptions;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.watch.WatchSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil daemon}: watches in the foreground until stopped; what the service runs. */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Watch every project and run its stages on each save.",
      "Runs in the foreground. SIGTERM or SIGINT cancel running stages, write the last status"
          + " and exit 0."
    })
final class DaemonCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory.")
  Path stateDir;

  @Option(names = "--json", description = "Print each finished run record as one JSON line.")
  boolean json;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port of the local API on 127.0.0.1; 0 (the default) picks a free one.")
  int port;

  @Mixin ConsoleFlags consoleFlags = new ConsoleFlags();

  DaemonCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    if (port < 0 || port > 65_535) {
      throw new UserError("--port must be 0 to 65535: " + port);
    }
    Optional<Path> file = ConfigChoice.file(ctx, config);
    LoadedConfig loaded =
        file.isPresent()
            ? ConfigLoader.loadLenient(file.get(), ctx.env(), Map.of())
            : LoadedConfig.of(
                EmbeddedDefault.forDirectory(ctx.cwd(), tool -> ConfigChoice.onPath(ctx, tool)));
    Path state = StateDirChoice.prepare(ctx, stateDir);
    Console comfort =
        loaded.config().notifyOnFailure()
            ? Reporters.notifyingConsole(ctx, json, state, consoleFlags)
            : Reporters.console(ctx, json, state, consoleFlags);
    ConsoleReporter console = comfort.reporter();
    AtomicReference<Daemon> running = new AtomicReference<>();
    AtomicReference<ControlServer> served = new AtomicReference<>();
    Runnable endedByItself =
        Foreground.stopOnSignals(
            running::get,
            () -> {
              ControlServer open = served.get();
              if (open != null) {
                open.close();
              }
            });
    try {
      runUntilStopped(running, served, state, file, loaded, console);
    } finally {
      endedByItself.run();
    }
    comfort.close();
    return ExitCode.OK;
  }

  private void runUntilStopped(
      AtomicReference<Daemon> running,
      AtomicReference<ControlServer> served,
      Path state,
      Optional<Path> file,
      LoadedConfig loaded,
      ConsoleReporter console)
      throws IOException {
    Daemon daemon;
    try {
      daemon =
          Daemon.start(
              new DaemonOptions(
                  file,
                  loaded,
                  state,
                  ctx.env(),
                  WatchSettings.DEFAULTS,
                  VersionProvider.version()),
              console,
              ctx.json().get());
    } catch (DaemonLock.HeldElsewhere e) {
      throw new UserError(e.getMessage());
    }
    running.set(daemon);
    ControlServer api = startApi(daemon, state);
    served.set(api);
    daemon.stopped().join();
    api.close();
  }

  private ControlServer startApi(Daemon daemon, Path state) {
    ControlServer api;
    try {
      api = ControlServer.start(daemon, state, port);
    } catch (IOException e) {
      daemon.stop().join();
      throw new UserError(
          "cannot start the local API on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "); pass another --port, or 0 to pick a free one");
    }
    ctx.err()
        .println(
            ctx.tty()
                ? "vigil: dashboard at " + api.endpoint().dashboardUrl()
                : "vigil: api at " + api.endpoint().url());
    return api;
  }
}
