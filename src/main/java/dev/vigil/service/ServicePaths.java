package dev.vigil.service;

import dev.vigil.config.ConfigDiscovery;
import dev.vigil.config.ConfigException;
import java.nio.file.Path;
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
   * The config file, found as every command finds it ({@link ConfigDiscovery}); empty when there is
   * none. A named file that does not exist is an error.
   */
  public Optional<Path> config(Optional<Path> option) throws ServiceException {
    try {
      return ConfigDiscovery.find(option.map(cwd::resolve), env, cwd)
          .map(p -> p.toAbsolutePath().normalize());
    } catch (ConfigException e) {
      throw new ServiceException(e.getMessage());
    }
  }

  /** The directory of the user config, the daemon's working directory. */
  public Path userConfigDir() {
    return configHome().resolve("vigil");
  }

  /** The daemon's state dir, resolved as every command resolves it ({@link ConfigDiscovery}). */
  public Path stateDir(Optional<Path> option) {
    return ConfigDiscovery.stateDir(option.map(cwd::resolve), env, osName)
        .toAbsolutePath()
        .normalize();
  }

  private Optional<Path> absolute(String name) {
    return nonEmpty(name).map(Path::of).filter(Path::isAbsolute);
  }

  private Optional<String> nonEmpty(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }
}
