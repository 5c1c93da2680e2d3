package dev.vigil.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole, validated configuration.
 *
 * @param file the file it was read from; empty for the embedded default
 * @param maxParallelRuns workstation-wide cap on pipelines running at once
 * @param projects in file order
 * @param notifyOnFailure show a desktop notification when a run fails
 * @param cache the stage cache's store and remote
 */
public record VigilConfig(
    Optional<Path> file,
    int maxParallelRuns,
    List<ProjectConfig> projects,
    boolean notifyOnFailure,
    CacheSettings cache) {
  public VigilConfig {
    projects = List.copyOf(projects);
  }

  /** A config with the default cache settings. */
  public VigilConfig(
      Optional<Path> file,
      int maxParallelRuns,
      List<ProjectConfig> projects,
      boolean notifyOnFailure) {
    this(file, maxParallelRuns, projects, notifyOnFailure, CacheSettings.DEFAULT);
  }

  /** A config without desktop notifications. */
  public VigilConfig(Optional<Path> file, int maxParallelRuns, List<ProjectConfig> projects) {
    this(file, maxParallelRuns, projects, false);
  }

  /** The project with this name, if any. */
  public Optional<ProjectConfig> project(String name) {
    return projects.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
