package dev.vigil.cli;

import dev.vigil.config.ConfigDiscovery;
import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.EmbeddedDefault;
import dev.vigil.config.VigilConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds and loads the config a command works on, or falls back to the embedded default. */
final class ConfigChoice {
  private ConfigChoice() {}

  /** The discovered config file, if any (option, $VIGIL_CONFIG, ./vigil.yaml, XDG). */
  static Optional<Path> file(CliContext ctx, Path option) throws ConfigException {
    Optional<Path> given = Optional.ofNullable(option).map(p -> ctx.cwd().resolve(p).normalize());
    return ConfigDiscovery.find(given, ctx.env(), ctx.cwd());
  }

  /** The config to run: the discovered file, else the default for the current directory. */
  static VigilConfig load(CliContext ctx, Path option) throws ConfigException {
    Optional<Path> file = file(ctx, option);
    if (file.isPresent()) {
      return ConfigLoader.load(file.get(), ctx.env());
    }
    return EmbeddedDefault.forDirectory(ctx.cwd(), tool -> onPath(ctx, tool));
  }

  /** Whether an executable of that name is on the PATH. */
  static boolean onPath(CliContext ctx, String tool) {
    String path = ctx.env().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
