package dev.vigil.cache;

import dev.vigil.batch.RecordedContent;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.run.StageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project's stage cache: its input index, fed as runs start, its tools' output, taken when the
 * project is loaded and again at each reload, and the lookups and stores of its stages.
 */
final class CachedProject implements ProjectCache {
  private static final Logger log = LoggerFactory.getLogger(CachedProject.class);

  private final ProjectConfig project;
  private final Function<String, RecordedContent> content;
  private final StageCache cache;
  private final InputIndex index;
  private final KeyMaker keys;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile Tools tools;
  private boolean trusted = true;
  private boolean bypass;

  CachedProject(
      ProjectConfig project, Function<String, RecordedContent> content, StageCache cache) {
    this.project = project;
    this.content = content;
    this.cache = cache;
    this.index = new InputIndex(project.stages().stream().map(s -> s.cache().inputs()).toList());
    this.tools = new Tools(project, cache.background());
    this.keys = new KeyMaker(project, cache.env()::get);
  }

  @Override
  public boolean covers(StageConfig stage) {
    return stage.cache().enabled();
  }

  @Override
  public void inputsKnown(Collection<String> paths) {
    synchronized (this) {
      index.update(paths, content);
    }
    ready.complete(null);
  }

  @Override
  public void inputsRecorded(Collection<String> paths, boolean complete) {
    boolean distrusted;
    synchronized (this) {
      index.update(paths, content);
      distrusted = !complete && trusted;
      if (distrusted) {
        trusted = false;
      }
    }
    if (distrusted) {
      cache
          .notes()
          .accept(
              "project "
                  + project.name()
                  + ": a run covered more changed paths than vigil lists; its stages are not"
                  + " cached until the project is reloaded");
    }
  }

  @Override
  public void reloaded() {
    tools = new Tools(project, cache.background());
  }

  @Override
  public CompletableFuture<Lookup> lookup(
      StageConfig stage, Function<StageConfig, String> commandAsRun) {
    Tools now = tools;
    return ready
        .thenCompose(v -> now.taken())
        .thenCompose(v -> lookupNow(stage, commandAsRun, now))
        .exceptionally(
            e -> {
              log.warn("cache lookup for {} failed: {}", stage.name(), e.toString());
              return Lookup.NONE;
            });
  }

  private CompletableFuture<Lookup> lookupNow(
      StageConfig stage, Function<StageConfig, String> commandAsRun, Tools tools) {
    String key;
    synchronized (this) {
      if (!trusted) {
        return CompletableFuture.completedFuture(Lookup.NONE);
      }
      key = keys.key(stage, commandAsRun, index, tools::output);
    }
    Optional<Artifact> local = readLocal(key);
    if (local.isPresent()) {
      return CompletableFuture.completedFuture(
          new Lookup(Optional.of(key), Optional.of(new Hit(local.get(), "local"))));
    }
    Optional<RemoteGate> remote = cache.remote(); // as the config says now: a reload may change it
    if (remote.isEmpty()) {
      return CompletableFuture.completedFuture(new Lookup(Optional.of(key), Optional.empty()));
    }
    return remote
        .get()
        .get(key)
        .thenApply(
            bytes ->
                new Lookup(Optional.of(key), bytes.flatMap(b -> fromRemote(key, b, remote.get()))));
  }

  private Optional<Artifact> readLocal(String key) {
    try {
      Optional<byte[]> bytes = cache.local().get(key, cache.scheduler().now());
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      ArtifactCodec.Result r = cache.codec().decode(key, bytes.get());
      if (r.artifact().isEmpty()) {
        log.warn("ignoring the local cache entry {}: {}", key, r.refusal());
      }
      return r.artifact();
    } catch (IOException e) {
      log.warn("cannot read the local cache entry {}: {}", key, e.toString());
      return Optional.empty();
    }
  }

  private Optional<Hit> fromRemote(String key, byte[] bytes, RemoteGate remote) {
    ArtifactCodec.Result r = cache.codec().decode(key, bytes);
    if (r.artifact().isEmpty()) {
      cache
          .notes()
          .accept(
              "ignoring the artifact "
                  + key.substring(0, 12)
                  + " from "
                  + remote.describe()
                  + ": "
                  + r.refusal());
      return Optional.empty();
    }
    try {
      cache.local().put(key, bytes, cache.scheduler().now());
    } catch (IOException e) {
      log.warn("cannot keep the remote artifact {} locally: {}", key, e.toString());
    }
    return Optional.of(new Hit(r.artifact().get(), "remote"));
  }

  @Override
  public void store(String key, String runId, StageRecord passed, Path logFile, Instant at) {
    CompletableFuture<Void> work =
        CompletableFuture.supplyAsync(
                () -> storeLocally(key, runId, passed, logFile, at), cache.background())
            .thenCompose(
                bytes -> {
                  Optional<RemoteGate> remote = cache.remote();
                  if (bytes.isEmpty() || !cache.upload() || remote.isEmpty()) {
                    return CompletableFuture.completedFuture(null);
                  }
                  return remote.get().put(key, bytes.get(), ArtifactCodec.signatureOf(bytes.get()));
                });
    cache.track(work);
  }

  /** The artifact's bytes once kept in the local store; empty when it could not be made. */
  private Optional<byte[]> storeLocally(
      String key, String runId, StageRecord passed, Path logFile, Instant at) {
    try {
      byte[] logBytes = readLog(logFile);
      Artifact artifact =
          new Artifact(
              key,
              runId,
              at,
              passed.durationMs(),
              passed.outputTail() == null ? "" : passed.outputTail(),
              passed.diagnostics(),
              logBytes);
      byte[] bytes = cache.codec().encode(artifact);
      try {
        cache.local().put(key, bytes, cache.scheduler().now());
      } catch (IOException e) {
        log.warn("cannot keep {} in the local cache: {}", passed.name(), e.toString());
      }
      return Optional.of(bytes);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot store {} in the cache: {}", passed.name(), e.toString());
      return Optional.empty();
    }
  }

  private static byte[] readLog(Path logFile) throws IOException {
    try {
      return logFile == null ? new byte[0] : Files.readAllBytes(logFile);
    } catch (NoSuchFileException e) {
      return new byte[0];
    }
  }

  @Override
  public synchronized void bypassNextRun() {
    bypass = true;
  }

  @Override
  public synchronized boolean takeBypass() {
    boolean was = bypass;
    bypass = false;
    return was;
  }

  /** For tests: the paths whose content the index holds. */
  synchronized List<String> indexedPaths() {
    return index.paths();
  }
}
