package dev.vigil.daemon;

import dev.vigil.config.LoadedConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.watch.WatchSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a daemon.
 *
 * @param config the config to start with
 * @param configFile the file it came from, watched for edits; empty for the embedded default
 * @param stateDir where status.json, history and logs go; must exist
 * @param env environment (HOME, XDG_CONFIG_HOME for git's global excludes)
 * @param watchSettings polling and liveness tunables
 * @param version shown in status.json
 * @param loaded the config as loaded: with what was wrong in its included files and every file and
 *     directory to watch
 */
public record DaemonOptions(
    VigilConfig config,
    Optional<Path> configFile,
    Path stateDir,
    Map<String, String> env,
    WatchSettings watchSettings,
    String version,
    LoadedConfig loaded) {

  /** Options for a config that came without problems, watched through its own file alone. */
  public DaemonOptions(
      VigilConfig config,
      Optional<Path> configFile,
      Path stateDir,
      Map<String, String> env,
      WatchSettings watchSettings,
      String version) {
    this(config, configFile, stateDir, env, watchSettings, version, LoadedConfig.of(config));
  }

  /** Options for a config loaded leniently from {@code configFile} with the files it includes. */
  public DaemonOptions(
      Optional<Path> configFile,
      LoadedConfig loaded,
      Path stateDir,
      Map<String, String> env,
      WatchSettings watchSettings,
      String version) {
    this(loaded.config(), configFile, stateDir, env, watchSettings, version, loaded);
  }
}
