package dev.vigil.daemon;

import dev.vigil.cache.ProjectCache;
import dev.vigil.cache.StageCache;
import dev.vigil.config.CacheSettings;
import dev.vigil.config.ProjectConfig;
import dev.vigil.pipeline.OnceSequence;
import dev.vigil.pipeline.RunListener;
import dev.vigil.report.Json;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.threads.NamedThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * {@code vigil once} in this process, when no daemon of the state dir can do it: wired by {@link
 * RunServices} as the daemon is, so ids never collide with a daemon's and runs go to its history,
 * with the state dir's stage cache, whose keys agree with the daemon's.
 */
public final class LocalOnce {
  private LocalOnce() {}

  /**
   * What the stage cache needs beyond the projects.
   *
   * @param settings the config's top-level {@code cache}
   * @param env the environment: tokens, signature keys, a stage cache's {@code env}, ignore rules
   * @param configFiles the config files, which, as in the daemon, are no project's input
   */
  public record Caching(CacheSettings settings, Map<String, String> env, Set<Path> configFiles) {
    public Caching {
      env = Map.copyOf(env);
      configFiles = Set.copyOf(configFiles);
    }
  }

  /**
   * Runs the chosen projects in {@code after} order, each run heard by {@code runs} and written
   * with {@code json}; returns whether all passed. Passed cached stages are stored (and uploaded)
   * before it returns.
   *
   * @throws IOException when the state dir cannot take the history
   */
  public static boolean run(
      List<ProjectConfig> chosen,
      Path stateDir,
      RunListener runs,
      OnceSequence.Listener listener,
      Consumer<String> say,
      Caching caching,
      Json json)
      throws IOException {
    ExecutorService background = NamedThreads.singleThread("vigil-cache");
    try (RunServices services = RunServices.forOnce(stateDir, json)) {
      services.recoverAbandoned(say);
      StageCache cache =
          new StageCache(
              stateDir, caching.settings(), caching.env(), services.scheduler(), background, say);
      try {
        return OnceSequence.run(
            chosen,
            project -> {
              ProjectCache projectCache =
                  OnceInputs.cache(
                      project, cache, caching, stateDir, services.scheduler(), background);
              RunRecord record =
                  services
                      .pipelines(runs, projectCache)
                      .start(project, Trigger.of(TriggerKind.MANUAL), List.of())
                      .result()
                      .join();
              try {
                services.keep(record, project.root());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return record;
            },
            listener);
      } finally {
        cache.flushed().join(); // a remote upload ends by its timeout at the latest
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      background.shutdown();
      NamedThreads.awaitQuietly(background);
    }
  }
}
