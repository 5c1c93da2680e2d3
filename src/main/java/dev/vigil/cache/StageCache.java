package dev.vigil.cache;

import dev.vigil.batch.RecordedContent;
import dev.vigil.config.CacheSettings;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RemoteCacheConfig;
import dev.vigil.time.Scheduler;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workstation's stage cache: the local store in the state dir, the remote if one is configured,
 * and the signing key. Projects get their view with {@link #project}.
 */
public final class StageCache {
  /** What the top-level {@code cache:} section decides beyond the store's size; replaced whole. */
  private record Remoting(
      CacheSettings settings, Optional<RemoteGate> remote, boolean upload, ArtifactCodec codec) {}

  private final LocalStore local;
  private final Map<String, String> env;
  private final Scheduler scheduler;
  private final Executor background;
  private final Consumer<String> notes;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile Remoting remoting;

  /**
   * @param env the environment tokens, signature keys and a stage cache's {@code env} are read from
   * @param background runs stores, uploads and tool commands
   * @param notes where "remote unavailable" and similar notes go, once each
   */
  public StageCache(
      Path stateDir,
      CacheSettings settings,
      Map<String, String> env,
      Scheduler scheduler,
      Executor background,
      Consumer<String> notes) {
    this.local = new LocalStore(stateDir, settings.maxSizeBytes());
    this.env = Map.copyOf(env);
    this.scheduler = scheduler;
    this.background = background;
    this.notes = notes;
    List<String> said = new ArrayList<>();
    this.remoting = remoting(settings, said);
    said.forEach(notes);
  }

  /**
   * Takes the top-level {@code cache:} section as a reload read it: a smaller {@code max_size}
   * evicts down to it at once, and a changed {@code remote} answers the next lookup and upload (its
   * pause and held uploads start afresh). Unchanged settings change nothing.
   */
  public void apply(CacheSettings settings) {
    List<String> said = new ArrayList<>();
    synchronized (this) { // a second reload with the same settings returns once this one is done
      Remoting before = remoting;
      if (before.settings().equals(settings)) {
        return;
      }
      remoting =
          before.settings().remote().equals(settings.remote())
              ? new Remoting(settings, before.remote(), before.upload(), before.codec())
              : remoting(settings, said);
      if (before.settings().maxSizeBytes() != settings.maxSizeBytes()) {
        try {
          local.resize(settings.maxSizeBytes());
        } catch (java.io.IOException e) {
          said.add("cannot trim the local cache store to its new max_size: " + e);
        }
      }
    }
    said.forEach(notes); // after letting go of the lock
  }

  /** The remote side of the settings; what is worth saying goes to {@code said}. */
  private Remoting remoting(CacheSettings settings, List<String> said) {
    Optional<RemoteCacheConfig> r = settings.remote();
    boolean upload = r.map(RemoteCacheConfig::upload).orElse(false);
    Optional<byte[]> secret = r.flatMap(c -> secret(c, env));
    ArtifactCodec codec = new ArtifactCodec(secret);
    if (r.isPresent() && r.get().signatureKeyEnv().isPresent() && secret.isEmpty()) {
      said.add(
          "cache.remote.signature_key_env names "
              + r.get().signatureKeyEnv().get()
              + ", which is not set: the remote cache is not used");
      r = Optional.empty();
    }
    Optional<RemoteGate> remote =
        r.map(
            c ->
                new RemoteGate(
                    remote(c, env), c.timeout(), scheduler, notes, this::keptLocally, background));
    return new Remoting(settings, remote, upload, codec);
  }

  /** The project's view; {@code content} gives what the last run recorded for a path. */
  public ProjectCache project(ProjectConfig project, Function<String, RecordedContent> content) {
    if (project.stages().stream().noneMatch(s -> s.cache().enabled())) {
      return ProjectCache.NONE;
    }
    return new CachedProject(project, content, this);
  }

  /**
   * Completes when every store and upload begun so far has ended; an upload ends by the remote's
   * timeout at the latest. A {@code vigil once} waits for this before it exits.
   */
  public CompletableFuture<Void> flushed() {
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
  }

  /** Keeps track of a store or upload until it ends. */
  void track(CompletableFuture<?> work) {
    pending.add(work);
    CompletableFuture<?> unused = work.whenComplete((v, e) -> pending.remove(work));
  }

  LocalStore local() {
    return local;
  }

  Optional<RemoteGate> remote() {
    return remoting.remote();
  }

  boolean upload() {
    return remoting.upload();
  }

  ArtifactCodec codec() {
    return remoting.codec();
  }

  Map<String, String> env() {
    return env;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  Executor background() {
    return background;
  }

  Consumer<String> notes() {
    return notes;
  }

  /** The artifact kept in the local store under the key, for an upload held while paused. */
  private Optional<byte[]> keptLocally(String key) {
    try {
      return local.get(key, scheduler.now());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Optional<byte[]> secret(RemoteCacheConfig c, Map<String, String> env) {
    return c.signatureKeyEnv()
        .map(env::get)
        .filter(v -> !v.isEmpty())
        .map(v -> v.getBytes(StandardCharsets.UTF_8));
  }

  private static Remote remote(RemoteCacheConfig c, Map<String, String> env) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(c.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    Optional<String> token = c.tokenEnv().map(env::get).filter(t -> !t.isEmpty());
    return switch (c.kind()) {
      case TURBO -> new TurboRemote(client, c.url(), c.team().orElse(""), token, c.timeout());
      case HTTP -> new HttpRemote(client, c.url(), token, c.timeout());
    };
  }
}
