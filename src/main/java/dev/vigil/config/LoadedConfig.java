package dev.vigil.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A config loaded leniently: what could be used, and what was wrong in the files it includes.
 *
 * @param config the config file's projects, then those of every included file that could be read
 *     (or its last good text, when it cannot be read now)
 * @param problems what is wrong in the included files; empty when everything loaded
 * @param sources the files read and the directories the include globs looked in
 * @param lastGood the text of every included file that last loaded without a problem, to fall back
 *     on in the next load
 */
public record LoadedConfig(
    VigilConfig config,
    List<ConfigProblem> problems,
    ConfigSources sources,
    Map<Path, String> lastGood) {
  public LoadedConfig {
    problems = List.copyOf(problems);
    lastGood = Map.copyOf(lastGood);
  }

  /** A config that came with nothing to report and, if from a file, only that file to watch. */
  public static LoadedConfig of(VigilConfig config) {
    ConfigSources sources = config.file().map(ConfigSources::of).orElseGet(ConfigSources::none);
    return new LoadedConfig(config, List.of(), sources, Map.of());
  }
}
