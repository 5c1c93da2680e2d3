package dev.vigil.daemon;

import dev.vigil.batch.ContentBaseline;
import dev.vigil.cache.ProjectCache;
import dev.vigil.cache.StageCache;
import dev.vigil.config.ProjectConfig;
import dev.vigil.glob.Glob;
import dev.vigil.time.Scheduler;
import dev.vigil.watch.IgnoreRules;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The stage cache of a project that an in-process {@code vigil once} runs: its inputs are the files
 * the daemon would watch, their content taken by one walk of the tree that trusts the daemon's
 * content record wherever size and modification time still match, so keys agree with the daemon's.
 */
final class OnceInputs {
  private OnceInputs() {}

  /** The project's cache, its inputs taken; {@link ProjectCache#NONE} when no stage is cached. */
  static ProjectCache cache(
      ProjectConfig project,
      StageCache cache,
      LocalOnce.Caching caching,
      Path stateDir,
      Scheduler scheduler,
      Executor executor) {
    if (project.stages().stream().noneMatch(s -> s.cache().enabled())) {
      return ProjectCache.NONE;
    }
    ContentBaseline baseline = new ContentBaseline(project.root(), scheduler);
    baseline.loadRecord(ProjectRuntime.recordFile(stateDir, project.name()));
    IgnoreRules rules = IgnoreRules.load(project.root(), project.ignore(), caching.env());
    List<Glob> watch = project.watch().stream().map(Glob::of).toList();
    Path root = project.root().toAbsolutePath().normalize();
    baseline
        .takeInBackground(
            (path, directory) -> {
              if (caching.configFiles().contains(path) || rules.isIgnored(path, directory)) {
                return true;
              }
              String rel = root.relativize(path).toString().replace('\\', '/');
              return !directory
                  && !watch.isEmpty()
                  && watch.stream().noneMatch(g -> g.matches(rel));
            },
            executor)
        .join();
    ProjectCache projectCache = cache.project(project, baseline::recorded);
    projectCache.inputsKnown(baseline.knownPaths());
    return projectCache;
  }
}
