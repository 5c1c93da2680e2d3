package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.VigilConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil check-config}: validates a config and reports every problem at once. */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a config file.",
      "Exit 0 when valid; 2 with FILE:LINE:COL: message lines otherwise."
    })
final class CheckConfigCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file to check.")
  Path config;

  CheckConfigCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws ConfigException {
    Path file =
        ConfigChoice.file(ctx, config)
            .orElseThrow(
                () ->
                    new UserError(
                        "no config file found (looked for --config, $VIGIL_CONFIG, ./vigil.yaml"
                            + " and $XDG_CONFIG_HOME/vigil/vigil.yaml); write one with"
                            + " 'vigil init' or pass --config FILE"));
    VigilConfig loaded = ConfigLoader.load(file, ctx.env());
    int stages = loaded.projects().stream().mapToInt(p -> p.stages().size()).sum();
    ctx.out()
        .println(
            file
                + ": ok ("
                + loaded.projects().size()
                + " project"
                + (loaded.projects().size() == 1 ? "" : "s")
                + ", "
                + stages
                + " stage"
                + (stages == 1 ? "" : "s")
                + ")");
    return ExitCode.OK;
  }
}
