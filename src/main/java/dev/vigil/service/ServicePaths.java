package dev.vigil.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the service files live and what the daemon is pointed at, taken from the environment map
 * ({@code HOME}, {@code XDG_CONFIG_HOME}, ...) rather than only Java's {@code user.home}.
 *
 * @param env environment variables
 * @param cwd the current directory, absolute
 * @param osName the operating system name (macOS keeps its state elsewhere)
 */
public record ServicePaths(Map<String, String> env, Path cwd, String osName) {
  private static final List<String> CONFIG_NAMES = List.of("vigil.yaml", "vigil.yml", "vigil.json");

  public ServicePaths {
    env = Map.copyOf(env);
  }

  /** The home directory: {@code $HOME}, else Java's {@code user.home}. */
  public Path home() {
    return nonEmpty("HOME").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home")));
  }

  /** {@code $XDG_CONFIG_HOME} when absolute, else {@code ~/.config}. */
  public Path configHome() {
    return absolute("XDG_CONFIG_HOME").orElseGet(() -> home().resolve(".config"));
  }

  /** The systemd user unit file. */
  public Path unitFile() {
    return configHome().resolve("systemd").resolve("user").resolve(SystemdUnit.NAME);
  }

  /** The launchd agent file. */
  public Path plistFile() {
    return home().resolve("Library").resolve("LaunchAgents").resolve(LaunchdPlist.FILE_NAME);
  }

  /** The service file of a target. */
  public Path serviceFile(ServiceTarget target) {
    return target == ServiceTarget.SYSTEMD ? unitFile() : plistFile();
  }

  /**
   * The config file the daemon should use: the option, {@code $VIGIL_CONFIG}, {@code ./vigil.yaml}
   * (or {@code .yml}, {@code .json}), then {@code $XDG_CONFIG_HOME/vigil/}; empty when there is
   * none. A named file that does not exist is an error.
   */
  public Optional<Path> config(Optional<Path> option) throws ServiceException {
    Optional<String> named = option.map(Path::toString).or(() -> nonEmpty("VIGIL_CONFIG"));
    if (named.isPresent()) {
      Path file = cwd.resolve(named.get()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        String source = option.isPresent() ? "--config" : "$VIGIL_CONFIG";
        throw new ServiceException("config file " + file + " (from " + source + ") does not exist");
      }
      return Optional.of(file);
    }
    return firstConfigIn(cwd).or(() -> firstConfigIn(configHome().resolve("vigil")));
  }

  /**
   * The daemon's state dir: the option, {@code $VIGIL_STATE_DIR}, {@code $XDG_STATE_HOME/vigil},
   * else {@code ~/.local/state/vigil} ({@code ~/Library/Application Support/vigil} on macOS).
   */
  public Path stateDir(Optional<Path> option) {
    Optional<Path> named =
        option.or(() -> nonEmpty("VIGIL_STATE_DIR").map(Path::of)).map(cwd::resolve);
    if (named.isPresent()) {
      return named.get().toAbsolutePath().normalize();
    }
    Optional<Path> stateHome = absolute("XDG_STATE_HOME");
    if (stateHome.isPresent()) {
      return stateHome.get().resolve("vigil");
    }
    if (ServiceTarget.nativeTo(osName) == ServiceTarget.LAUNCHD) {
      return home().resolve("Library").resolve("Application Support").resolve("vigil");
    }
    return home().resolve(".local").resolve("state").resolve("vigil");
  }

  private static Optional<Path> firstConfigIn(Path dir) {
    return CONFIG_NAMES.stream()
        .map(dir::resolve)
        .filter(Files::isRegularFile)
        .map(p -> p.toAbsolutePath().normalize())
        .findFirst();
  }

  private Optional<Path> absolute(String name) {
    return nonEmpty(name).map(Path::of).filter(Path::isAbsolute);
  }

  private Optional<String> nonEmpty(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }
}
