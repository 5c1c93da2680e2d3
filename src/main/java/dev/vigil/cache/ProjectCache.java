package dev.vigil.cache;

import dev.vigil.config.StageConfig;
import dev.vigil.run.StageRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** One project's view of the stage cache, as a run uses it. */
public interface ProjectCache {
  /** A project without a cache: nothing is looked up or stored. */
  ProjectCache NONE =
      new ProjectCache() {
        @Override
        public boolean covers(StageConfig stage) {
          return false;
        }

        @Override
        public CompletableFuture<Lookup> lookup(
            StageConfig stage, Function<StageConfig, String> commandAsRun) {
          return CompletableFuture.completedFuture(Lookup.NONE);
        }

        @Override
        public void store(String key, String runId, StageRecord passed, Path log, Instant at) {}

        @Override
        public void inputsKnown(Collection<String> paths) {}

        @Override
        public void inputsRecorded(Collection<String> paths, boolean complete) {}

        @Override
        public void bypassNextRun() {}

        @Override
        public void reloaded() {}

        @Override
        public boolean takeBypass() {
          return false;
        }
      };

  /** Whether the stage says {@code cache}. */
  boolean covers(StageConfig stage);

  /**
   * The stage's key and stored result as of the inputs last recorded; never fails, and a remote
   * that does not answer within its timeout counts as a miss.
   *
   * @param commandAsRun the command a stage runs in this run, {@code {changed}} expanded: a stage
   *     given the changed files is keyed by them too
   */
  CompletableFuture<Lookup> lookup(StageConfig stage, Function<StageConfig, String> commandAsRun);

  /** The lookup for a stage whose command is its {@code run} as written. */
  default CompletableFuture<Lookup> lookup(StageConfig stage) {
    return lookup(stage, StageConfig::run);
  }

  /** Keeps a passed stage's record and log under its key, off the caller's thread. */
  void store(String key, String runId, StageRecord passed, Path log, Instant at);

  /** Takes every path the content baseline knows once it is taken; lookups wait for this. */
  void inputsKnown(Collection<String> paths);

  /**
   * Takes the content recorded for these paths as a run starts; {@code complete} is false when the
   * run's list of paths was cut short, and then no key is trusted until the project is reloaded.
   */
  void inputsRecorded(Collection<String> paths, boolean complete);

  /**
   * The config was read again and this project kept: its {@code tools} commands are run again, and
   * lookups from now on wait for their output (a toolchain upgraded meanwhile changes the keys).
   */
  void reloaded();

  /** The next run of the project runs every stage, cached or not. */
  void bypassNextRun();

  /** Whether the run starting now was asked to run everything; asking clears it. */
  boolean takeBypass();
}
