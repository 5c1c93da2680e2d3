package dev.vigil.daemon;

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
 */
public record DaemonOptions(
    VigilConfig config,
    Optional<Path> configFile,
    Path stateDir,
    Map<String, String> env,
    WatchSettings watchSettings,
    String version) {}
