package dev.vigil.pipeline;

import dev.vigil.cache.Artifact;
import dev.vigil.cache.Hit;
import dev.vigil.cache.Lookup;
import dev.vigil.cache.ProjectCache;
import dev.vigil.config.StageConfig;
import dev.vigil.files.OwnerOnly;
import dev.vigil.run.CachedFrom;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage cache as one run sees it: asked before a cached stage runs, told after it passed. A
 * hit's log is written where the stage's own log would have gone.
 */
final class CacheStep {
  private static final Logger log = LoggerFactory.getLogger(CacheStep.class);

  private final ProjectCache cache;
  private final RunRequest request;
  private boolean bypass;

  CacheStep(ProjectCache cache, RunRequest request) {
    this.cache = cache;
    this.request = request;
  }

  /** Called once as the run begins: whether it was asked to run everything. */
  void begin() {
    bypass = cache.takeBypass();
  }

  /**
   * Whether the stage is to be looked up before it runs. In a run asked to run everything it still
   * is, for its key: it runs whatever the cache holds, and its pass is stored afresh.
   */
  boolean wanted(StageConfig stage) {
    return cache.covers(stage);
  }

  /**
   * The lookup, {@code commandAsRun} giving a stage's command in this run; a hit's log is already
   * in place when it completes.
   */
  CompletableFuture<Lookup> lookup(
      StageConfig stage, java.util.function.Function<StageConfig, String> commandAsRun) {
    return cache
        .lookup(stage, commandAsRun)
        .thenApply(
            l -> {
              if (bypass) {
                return new Lookup(l.key(), java.util.Optional.empty());
              }
              l.hit().ifPresent(h -> writeLog(stage.name(), h.artifact()));
              return l;
            });
  }

  /** The record of a stage the cache answered, {@code tookNanos} after it was asked. */
  StageRecord record(String name, String key, Hit hit, long tookNanos) {
    Artifact a = hit.artifact();
    return new StageRecord(
        name,
        StageStatus.CACHED,
        0,
        Duration.ofNanos(tookNanos).toMillis(),
        0,
        a.outputTail(),
        logFileInStateDir(name),
        a.diagnostics(),
        List.of(),
        0,
        key,
        new CachedFrom(a.runId(), a.at(), hit.source()),
        a.durationMs());
  }

  /** Keeps a stage that passed under the key it was looked up with. */
  void passed(String key, StageRecord record, Instant at) {
    cache.store(key, request.runId(), record, StageCommand.logFile(request, record.name()), at);
  }

  private String logFileInStateDir(String name) {
    return request
        .stateDir()
        .relativize(StageCommand.logFile(request, name))
        .toString()
        .replace('\\', '/');
  }

  private void writeLog(String name, Artifact a) {
    Path file = StageCommand.logFile(request, name);
    try {
      OwnerOnly.createDirectories(file.getParent());
      try (OutputStream out = OwnerOnly.newOutputStream(file)) {
        out.write(a.log());
      }
    } catch (IOException e) {
      log.warn("cannot write the cached log of {} to {}: {}", name, file, e.toString());
    }
  }
}
