package dev.vigil.daemon;

import dev.vigil.cache.StageCache;
import dev.vigil.config.CacheSettings;
import dev.vigil.pipeline.RunListener;
import dev.vigil.pipeline.RunSlots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Project services for tests: one run slot, no listener, background work run inline. */
final class InlineProjectServices {
  private InlineProjectServices() {}

  /** Services over {@code runs}, with a home folder and the stage cache in {@code state}. */
  static ProjectServices of(RunServices runs, Path state) throws IOException {
    Map<String, String> env =
        Map.of("HOME", Files.createDirectories(state.resolve("home")).toString());
    return new ProjectServices(
        runs,
        new RunSlots(1),
        RunListener.NONE,
        env,
        Runnable::run,
        Runnable::run,
        Set.of(),
        new StageCache(
            state, CacheSettings.DEFAULT, env, runs.scheduler(), Runnable::run, s -> {}));
  }
}
