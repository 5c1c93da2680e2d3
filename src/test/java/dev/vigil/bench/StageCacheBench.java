package dev.vigil.bench;

import static org.awaitility.Awaitility.await;

import dev.vigil.batch.ContentDigest;
import dev.vigil.batch.RecordedContent;
import dev.vigil.cache.Lookup;
import dev.vigil.cache.ProjectCache;
import dev.vigil.cache.StageCache;
import dev.vigil.config.CacheSettings;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RemoteCacheConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageCacheConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.pipeline.DiagnosticsMemory;
import dev.vigil.pipeline.PipelineRun;
import dev.vigil.pipeline.RunListener;
import dev.vigil.pipeline.RunRequest;
import dev.vigil.process.ProcessRunner;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.threads.NamedThreads;
import dev.vigil.time.SystemScheduler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Benchmark, not a test. Prints, one line each:
 *
 * <ul>
 *   <li>{@code key}: a project of N files (default 100,000) after a one-file change: the time from
 *       the run recording the changed path to the stage's key and local lookup;
 *   <li>{@code local}: a one-stage run whose stage the local store answers: from the run's start to
 *       the stage reported finished;
 *   <li>{@code remote}: the same with the local store emptied before each run, so the artifact
 *       comes from the remote given as {@code turbo URL} or {@code http URL} (token in {@code
 *       VIGIL_CACHE_TOKEN}).
 * </ul>
 *
 * Run by {@code bench/stage-cache.sh}.
 */
public final class StageCacheBench {
  private static final int WARMUP = 50;

  private StageCacheBench() {}

  /** Arguments: mode (key|local|remote), iterations, then files (key) or kind and url (remote). */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int n = Integer.parseInt(args[1]);
    switch (mode) {
      case "key" -> key(n, Integer.parseInt(args[2]));
      case "local" -> hits(n, Optional.empty());
      case "remote" -> hits(n, Optional.of(remote(args[2], args[3])));
      default -> throw new IllegalArgumentException("mode: key, local or remote");
    }
  }

  private static void key(int n, int files) throws Exception {
    Path root = Files.createTempDirectory("vigil-bench-key");
    Path state = Files.createTempDirectory("vigil-bench-key-state");
    Map<String, RecordedContent> content = new HashMap<>();
    List<String> paths = new ArrayList<>(files);
    for (int i = 0; i < files; i++) {
      String p = "src/m" + (i / 100) + "/f" + i + ".rs";
      paths.add(p);
      content.put(p, new RecordedContent(1000 + i, new ContentDigest(i * 31L, 0, 0, 0)));
    }
    ExecutorService background = NamedThreads.singleThread("bench-cache");
    try (SystemScheduler scheduler = new SystemScheduler("bench-scheduler")) {
      StageCache cache =
          new StageCache(
              state,
              new CacheSettings(1L << 30, Optional.empty()),
              Map.of(),
              scheduler,
              background,
              note -> {});
      ProjectConfig project = project(root);
      ProjectCache pc = cache.project(project, content::get);
      long t0 = System.nanoTime();
      pc.inputsKnown(paths);
      long initial = System.nanoTime() - t0;
      StageConfig stage = project.stages().get(0);
      pc.lookup(stage).join();
      long[] times = new long[n];
      for (int i = -WARMUP; i < n; i++) {
        String changed = paths.get(Math.floorMod(i * 7919, files));
        content.put(changed, new RecordedContent(7, new ContentDigest(i, 0, 0, 0)));
        long start = System.nanoTime();
        pc.inputsRecorded(List.of(changed), true);
        Lookup l = pc.lookup(stage).join();
        long took = System.nanoTime() - start;
        if (l.key().isEmpty()) {
          throw new IllegalStateException("no key");
        }
        if (i >= 0) {
          times[i] = took;
        }
      }
      System.out.printf("key files=%d initial_index_ms=%.1f%n", files, initial / 1e6);
      print("key after one-file change", times);
    } finally {
      background.shutdownNow();
    }
  }

  private static void hits(int n, Optional<RemoteCacheConfig> remote) throws Exception {
    Path root = Files.createTempDirectory("vigil-bench-hit");
    Path state = Files.createTempDirectory("vigil-bench-hit-state");
    Files.writeString(root.resolve("lib.rs"), "fn main() {}\n");
    Map<String, RecordedContent> content =
        Map.of("lib.rs", new RecordedContent(13, new ContentDigest(42, 0, 0, 0)));
    ExecutorService background = NamedThreads.singleThread("bench-cache");
    Map<String, String> env = new HashMap<>(System.getenv());
    try (SystemScheduler scheduler = new SystemScheduler("bench-scheduler");
        ProcessRunner runner = new ProcessRunner(scheduler)) {
      StageCache cache =
          new StageCache(
              state,
              new CacheSettings(1L << 30, remote),
              env,
              scheduler,
              background,
              note -> System.err.println("note: " + note));
      ProjectConfig project = project(root);
      ProjectCache pc = cache.project(project, content::get);
      pc.inputsKnown(List.of("lib.rs"));
      RunRecord first = run(project, pc, runner, scheduler, state, "seed", new long[1]);
      StageRecord seeded = first.stages().get(0);
      if (seeded.status() != StageStatus.PASSED && seeded.status() != StageStatus.CACHED) {
        throw new IllegalStateException("seed run: " + seeded.status());
      }
      String key = seeded.cacheKey();
      Path local = state.resolve("cache").resolve(key);
      waitFor(local);
      // With a remote, the seed's upload follows the local store, off the run's path: the first
      // warm-up runs may still miss it, which only the warm-up sees.
      long[] times = new long[n];
      long[] reported = new long[1];
      int remoteHits = 0;
      for (int i = -WARMUP; i < n; i++) {
        if (remote.isPresent()) {
          waitFor(local);
          Files.delete(local);
        }
        RunRecord r = run(project, pc, runner, scheduler, state, "b" + i, reported);
        StageRecord s = r.stages().get(0);
        if (s.status() != StageStatus.CACHED) {
          throw new IllegalStateException("run " + i + ": " + s.status());
        }
        if (s.cachedFrom().source().equals("remote")) {
          remoteHits++;
        }
        if (i >= 0) {
          times[i] = reported[0];
        }
      }
      String what =
          remote.isPresent()
              ? "cached stage, remote " + remote.get().kind()
              : "cached stage, local";
      print(what + " (run start to stage reported)", times);
      System.out.printf("hits_from_remote=%d of %d%n", remoteHits, n + WARMUP);
    } finally {
      background.shutdownNow();
    }
  }

  private static RunRecord run(
      ProjectConfig project,
      ProjectCache cache,
      ProcessRunner runner,
      SystemScheduler scheduler,
      Path state,
      String id,
      long[] reported)
      throws Exception {
    long[] start = new long[1];
    CompletableFuture<Void> stageDone = new CompletableFuture<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void stageFinished(RunRecord run, StageRecord stage) {
            reported[0] = System.nanoTime() - start[0];
            stageDone.complete(null);
          }
        };
    RunRequest request = new RunRequest(id, Trigger.of(TriggerKind.MANUAL), scheduler.now(), state);
    start[0] = System.nanoTime();
    RunRecord record =
        PipelineRun.start(
                project, request, runner, scheduler, listener, 4, DiagnosticsMemory.NONE, cache)
            .result()
            .join();
    stageDone.join();
    return record;
  }

  private static void waitFor(Path file) {
    await("stored: " + file)
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> Files.exists(file));
  }

  private static RemoteCacheConfig remote(String kind, String url) {
    boolean turbo = kind.equals("turbo");
    return new RemoteCacheConfig(
        turbo ? RemoteCacheConfig.Kind.TURBO : RemoteCacheConfig.Kind.HTTP,
        URI.create(url),
        turbo ? Optional.of("bench") : Optional.empty(),
        Optional.of("VIGIL_CACHE_TOKEN"),
        Optional.empty(),
        true,
        Duration.ofSeconds(2));
  }

  private static ProjectConfig project(Path root) {
    StageConfig stage =
        new StageConfig(
            "check",
            "echo checked",
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            RetryPolicy.NONE,
            Map.of(),
            "auto",
            false,
            StageCacheConfig.ON);
    return TestProjects.at(root).name("bench").stages(stage).build();
  }

  private static void print(String name, long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-52s n=%d median_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
        name,
        values.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(0.9 * sorted.length) - 1] / 1e6,
        sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
