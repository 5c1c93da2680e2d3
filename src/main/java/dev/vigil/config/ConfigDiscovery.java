package dev.vigil.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the config file and the state directory from options, environment and platform. */
public final class ConfigDiscovery {
  /** File names looked for in a directory, in order. */
  public static final List<String> FILE_NAMES = List.of("vigil.yaml", "vigil.yml", "vigil.json");

  private ConfigDiscovery() {}

  /**
   * The config file: {@code --config}, then {@code $VIGIL_CONFIG}, then {@code ./vigil.yaml} (or
   * {@code .yml}, {@code .json}), then {@code $XDG_CONFIG_HOME/vigil/vigil.yaml}; empty when there
   * is none. A file named explicitly that does not exist is an error.
   */
  public static Optional<Path> find(Optional<Path> option, Map<String, String> env, Path cwd)
      throws ConfigException {
    if (option.isPresent()) {
      return Optional.of(explicit(cwd.resolve(option.get()), "--config"));
    }
    Optional<String> fromEnv = nonEmpty(env.get("VIGIL_CONFIG"));
    if (fromEnv.isPresent()) {
      return Optional.of(explicit(cwd.resolve(fromEnv.get()), "$VIGIL_CONFIG"));
    }
    Optional<Path> local = firstIn(cwd);
    if (local.isPresent()) {
      return local;
    }
    return firstIn(configHome(env).resolve("vigil"));
  }

  /** {@code $XDG_CONFIG_HOME} when absolute, else {@code ~/.config}. */
  static Path configHome(Map<String, String> env) {
    return absolute(env.get("XDG_CONFIG_HOME")).orElseGet(() -> home(env).resolve(".config"));
  }

  /**
   * The state directory: {@code --state-dir}, then {@code $VIGIL_STATE_DIR}, then {@code
   * $XDG_STATE_HOME/vigil}, else {@code ~/.local/state/vigil}, or on macOS {@code
   * ~/Library/Application Support/vigil}.
   */
  public static Path stateDir(Optional<Path> option, Map<String, String> env, String osName) {
    if (option.isPresent()) {
      return option.get().toAbsolutePath().normalize();
    }
    Optional<String> fromEnv = nonEmpty(env.get("VIGIL_STATE_DIR"));
    if (fromEnv.isPresent()) {
      return Paths.get(fromEnv.get()).toAbsolutePath().normalize();
    }
    Optional<Path> stateHome = absolute(env.get("XDG_STATE_HOME"));
    if (stateHome.isPresent()) {
      return stateHome.get().resolve("vigil");
    }
    if (osName.startsWith("Mac")) {
      return home(env).resolve("Library").resolve("Application Support").resolve("vigil");
    }
    return home(env).resolve(".local").resolve("state").resolve("vigil");
  }

  private static Path explicit(Path file, String source) throws ConfigException {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  absolute, 1, 1, "config file named by " + source + " does not exist")));
    }
    if (Files.isDirectory(absolute)) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  absolute, 1, 1, "config file named by " + source + " is a directory")));
    }
    return absolute;
  }

  private static Optional<Path> firstIn(Path dir) {
    return FILE_NAMES.stream()
        .map(dir::resolve)
        .filter(Files::isRegularFile)
        .map(p -> p.toAbsolutePath().normalize())
        .findFirst();
  }

  /** HOME from the environment, else Java's user.home. */
  private static Path home(Map<String, String> env) {
    return Paths.get(nonEmpty(env.get("HOME")).orElse(System.getProperty("user.home")));
  }

  /** The XDG base directory in {@code value}; per the spec, relative paths are ignored. */
  private static Optional<Path> absolute(String value) {
    return nonEmpty(value).map(Paths::get).filter(Path::isAbsolute);
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
