package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.daemon.LocalOnce;
import dev.vigil.pipeline.RunListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil once}: runs every stage of the chosen projects once, as a pre-commit check. */
@Command(
    name = "once",
    mixinStandardHelpOptions = true,
    description = {
      "Run every stage of the chosen projects once.",
      "The running daemon of the state dir does the run when there is one.",
      "Exit 0 when all passed, 1 when any failed, 2 on a usage or config error."
    })
final class OnceCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "Run only this project (repeatable).")
  List<String> projects = new ArrayList<>();

  @Option(names = "--json", description = "Print each finished run record as one JSON line.")
  boolean json;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory.")
  Path stateDir;

  @Option(
      names = "--quiet",
      description = "Print only failed stages (output tail, log, diagnostics) and run results.")
  boolean quiet;

  @Option(
      names = "--staged",
      description = {
        "Check what is staged for commit: unstaged changes to tracked files are set aside for the",
        "check and put back byte for byte; a failure ends with one 'commit blocked' line."
      })
  boolean staged;

  OnceCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    VigilConfig loaded = ConfigChoice.load(ctx, config);
    List<ProjectConfig> chosen = ProjectChoice.choose(loaded, projects);
    Path state = StateDirChoice.prepare(ctx, stateDir);
    Optional<RemoteOnce> daemon = RemoteOnce.find(state, ctx.err());
    boolean allPassed;
    OnceReport report = new OnceReport(json ? ctx.err() : ctx.out());
    try (Console comfort = Reporters.console(ctx, json, state, ConsoleFlags.quiet(quiet));
        RemoteOnce.Hold held = staged ? hold(daemon, chosen) : null;
        UnstagedStash stash = staged ? UnstagedStash.create(ctx.env(), ctx.cwd()) : null) {
      if (stash != null) {
        stash.setAside();
      }
      RunListener runs = Reporters.listener(comfort.reporter());
      Optional<Boolean> remote = daemon.flatMap(d -> d.run(chosen, runs, report));
      allPassed =
          remote.isPresent()
              ? remote.get()
              : LocalOnce.run(
                  chosen,
                  state,
                  runs,
                  report,
                  comfort.reporter()::info,
                  new LocalOnce.Caching(loaded.cache(), ctx.env(), configFiles()),
                  ctx.json().get());
    }
    if (!allPassed && staged) {
      ctx.err().println(BlockedLine.of("commit", report.runs()));
    }
    return allPassed ? ExitCode.OK : ExitCode.FAILED;
  }

  /** The config file and the files it includes, as the daemon counts them out of every input. */
  private Set<Path> configFiles() throws ConfigException {
    Optional<Path> file = ConfigChoice.file(ctx, config);
    if (file.isEmpty()) {
      return Set.of();
    }
    return ConfigLoader.loadLenient(file.get(), ctx.env(), Map.of()).sources().contents().keySet();
  }

  /** The daemon's hold on the projects while changes are set aside, or none without a daemon. */
  private static RemoteOnce.Hold hold(Optional<RemoteOnce> daemon, List<ProjectConfig> chosen) {
    return daemon.map(d -> d.hold(chosen)).orElse(() -> {});
  }
}
