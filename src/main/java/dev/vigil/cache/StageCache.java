package dev.vigil.cache;

import dev.vigil.batch.RecordedContent;
import dev.vigil.config.CacheSettings;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RemoteCacheConfig;
import dev.vigil.time.Scheduler;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  private final LocalStore local;
  private final Optional<RemoteGate> remote;
  private final boolean upload;
  private final ArtifactCodec codec;
  private final Map<String, String> env;
  private final Scheduler scheduler;
  private final Executor background;
  private final Consumer<String> notes;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

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
    Optional<RemoteCacheConfig> r = settings.remote();
    this.upload = r.map(RemoteCacheConfig::upload).orElse(false);
    Optional<byte[]> secret = r.flatMap(c -> secret(c, env));
    this.codec = new ArtifactCodec(secret);
    if (r.isPresent() && r.get().signatureKeyEnv().isPresent() && secret.isEmpty()) {
      notes.accept(
          "cache.remote.signature_key_env names "
              + r.get().signatureKeyEnv().get()
              + ", which is not set: the remote cache is not used");
      r = Optional.empty();
    }
    this.remote = r.map(c -> new RemoteGate(remote(c, env), c.timeout(), scheduler, notes));
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
    return remote;
  }

  boolean upload() {
    return upload;
  }

  ArtifactCodec codec() {
    return codec;
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
