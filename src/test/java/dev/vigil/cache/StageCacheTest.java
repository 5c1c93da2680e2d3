package dev.vigil.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.batch.ContentDigest;
import dev.vigil.batch.RecordedContent;
import dev.vigil.config.CacheSettings;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageCacheConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageCacheTest {
  @TempDir Path state;
  @TempDir Path root;

  final FakeScheduler scheduler = new FakeScheduler();
  final Map<String, RecordedContent> files = new HashMap<>();
  final List<String> notes = new ArrayList<>();

  final StageConfig clippy =
      new StageConfig(
          "clippy",
          "cargo clippy",
          List.of(),
          List.of(),
          Duration.ofMinutes(1),
          Duration.ofSeconds(1),
          RetryPolicy.NONE,
          Map.of(),
          "auto",
          false,
          StageCacheConfig.ON);

  ProjectCache project(long maxSize) {
    StageCache cache =
        new StageCache(
            state,
            new CacheSettings(maxSize, Optional.empty()),
            Map.of(),
            scheduler,
            Runnable::run,
            notes::add);
    ProjectConfig config = TestProjects.at(root).name("core").runsOnStart().stages(clippy).build();
    ProjectCache p = cache.project(config, files::get);
    p.inputsKnown(List.copyOf(files.keySet()));
    return p;
  }

  StageRecord passed(long ms) {
    return new StageRecord("clippy", StageStatus.PASSED, 0, ms, 1, "all good\n", null, List.of());
  }

  @Test
  void aPassedStageIsAnsweredAgainOnlyWhileItsInputsAreAsTheyWere() throws Exception {
    files.put("src/lib.rs", new RecordedContent(10, new ContentDigest(1, 0, 0, 0)));
    ProjectCache p = project(1 << 20);
    Lookup first = p.lookup(clippy).join();
    assertThat(first.hit()).isEmpty();
    Path log = Files.writeString(root.resolve("clippy.log"), "full log\n");
    p.store(first.key().orElseThrow(), "core-1", passed(12_300), log, scheduler.now());

    Lookup again = p.lookup(clippy).join();
    assertThat(again.key()).isEqualTo(first.key());
    Hit hit = again.hit().orElseThrow();
    assertThat(hit.source()).isEqualTo("local");
    assertThat(hit.artifact().runId()).isEqualTo("core-1");
    assertThat(hit.artifact().durationMs()).isEqualTo(12_300);
    assertThat(hit.artifact().outputTail()).isEqualTo("all good\n");
    assertThat(new String(hit.artifact().log(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("full log\n");

    files.put("src/lib.rs", new RecordedContent(11, new ContentDigest(2, 0, 0, 0)));
    p.inputsRecorded(List.of("src/lib.rs"), true);
    assertThat(p.lookup(clippy).join().hit()).isEmpty();

    files.put("src/lib.rs", new RecordedContent(10, new ContentDigest(1, 0, 0, 0)));
    p.inputsRecorded(List.of("src/lib.rs"), true);
    assertThat(p.lookup(clippy).join().hit()).isPresent();
  }

  @Test
  void aStoreOpenedAgainStillAnswers() {
    files.put("a", new RecordedContent(1, new ContentDigest(1, 0, 0, 0)));
    ProjectCache p = project(1 << 20);
    String key = p.lookup(clippy).join().key().orElseThrow();
    p.store(key, "core-1", passed(5), null, scheduler.now());

    assertThat(project(1 << 20).lookup(clippy).join().hit()).isPresent();
  }

  @Test
  void aRunWhosePathListWasCutShortTurnsTheCacheOffForTheProject() {
    files.put("a", new RecordedContent(1, new ContentDigest(1, 0, 0, 0)));
    ProjectCache p = project(1 << 20);
    String key = p.lookup(clippy).join().key().orElseThrow();
    p.store(key, "core-1", passed(5), null, scheduler.now());

    p.inputsRecorded(List.of("a"), false);

    assertThat(p.lookup(clippy).join()).isEqualTo(Lookup.NONE);
    assertThat(notes).singleElement().asString().contains("not cached");
  }

  @Test
  void theLeastRecentlyUsedGoFirstPastTheMaximumSize() throws Exception {
    ProjectCache p = project(3_000);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      files.put("a", new RecordedContent(i, new ContentDigest(i, 0, 0, 0)));
      p.inputsRecorded(List.of("a"), true);
      String key = p.lookup(clippy).join().key().orElseThrow();
      keys.add(key);
      Path log = Files.write(root.resolve("log" + i), new byte[1_200]);
      p.store(key, "core-" + i, passed(5), log, scheduler.now());
      scheduler.advance(Duration.ofSeconds(1));
    }

    assertThat(Files.exists(state.resolve("cache").resolve(keys.get(0)))).isFalse();
    assertThat(Files.exists(state.resolve("cache").resolve(keys.get(2)))).isTrue();
  }

  @Test
  void artifactsSignedWithAnotherKeyOrTamperedWithAreRefused() {
    ArtifactCodec mine = new ArtifactCodec(Optional.of("k1".getBytes()));
    ArtifactCodec theirs = new ArtifactCodec(Optional.of("k2".getBytes()));
    String key = "a".repeat(64);
    byte[] bytes =
        mine.encode(
            new Artifact(key, "r-1", scheduler.now(), 5, "ok", List.of(), "log".getBytes()));

    assertThat(mine.decode(key, bytes).artifact()).isPresent();
    assertThat(theirs.decode(key, bytes).refusal()).isEqualTo("bad signature");
    bytes[bytes.length - 1] ^= 1;
    assertThat(mine.decode(key, bytes).refusal()).isEqualTo("bad signature");
    assertThat(mine.decode("b".repeat(64), bytes).artifact()).isEmpty();
    assertThat(
            mine.decode(
                    key,
                    new ArtifactCodec(Optional.empty())
                        .encode(
                            new Artifact(key, "r", scheduler.now(), 1, "", List.of(), new byte[0])))
                .refusal())
        .isEqualTo("unsigned");
  }

  /** A plain GET/PUT remote, as nginx WebDAV is, in memory. */
  static final class MemoryRemote implements AutoCloseable {
    final Map<String, byte[]> artifacts = new java.util.concurrent.ConcurrentHashMap<>();
    final com.sun.net.httpserver.HttpServer server;

    MemoryRemote() throws java.io.IOException {
      server =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/cache/",
          exchange -> {
            String key = exchange.getRequestURI().getPath().substring("/cache/".length());
            if (exchange.getRequestMethod().equals("PUT")) {
              artifacts.put(key, exchange.getRequestBody().readAllBytes());
              exchange.sendResponseHeaders(201, -1);
            } else if (artifacts.containsKey(key)) {
              byte[] body = artifacts.get(key);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            } else {
              exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
          });
      server.start();
    }

    CacheSettings settings(long maxSize) {
      return new CacheSettings(
          maxSize,
          Optional.of(
              new dev.vigil.config.RemoteCacheConfig(
                  dev.vigil.config.RemoteCacheConfig.Kind.HTTP,
                  java.net.URI.create(
                      "http://127.0.0.1:" + server.getAddress().getPort() + "/cache/"),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  true,
                  Duration.ofSeconds(10))));
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void aRemoteGivenAtReloadAnswersTheNextLookup(@TempDir Path teammatesState) throws Exception {
    files.put("a", new RecordedContent(1, new ContentDigest(1, 2, 3, 4)));
    try (MemoryRemote remote = new MemoryRemote()) {
      StageCache teammate =
          new StageCache(
              teammatesState,
              remote.settings(1 << 20),
              Map.of(),
              scheduler,
              Runnable::run,
              notes::add);
      ProjectConfig config =
          TestProjects.at(root).name("core").runsOnStart().stages(clippy).build();
      ProjectCache theirs = teammate.project(config, files::get);
      theirs.inputsKnown(List.copyOf(files.keySet()));
      String key = theirs.lookup(clippy).join().key().orElseThrow();
      theirs.store(key, "core-7", passed(4_000), null, scheduler.now());
      teammate.flushed().get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(remote.artifacts).containsKey(key);

      StageCache mine =
          new StageCache(
              state,
              new CacheSettings(1 << 20, Optional.empty()),
              Map.of(),
              scheduler,
              Runnable::run,
              notes::add);
      ProjectCache p = mine.project(config, files::get);
      p.inputsKnown(List.copyOf(files.keySet()));
      assertThat(p.lookup(clippy).join().hit()).as("no remote yet").isEmpty();

      mine.apply(remote.settings(1 << 20));

      Hit hit = p.lookup(clippy).join().hit().orElseThrow();
      assertThat(hit.source()).isEqualTo("remote");
      assertThat(hit.artifact().runId()).isEqualTo("core-7");

      mine.apply(new CacheSettings(1 << 20, Optional.empty()));
      java.nio.file.Files.delete(state.resolve("cache").resolve(key));
      assertThat(p.lookup(clippy).join().hit()).as("the remote taken away").isEmpty();
    }
  }

  @Test
  void aSmallerMaxSizeAppliedEvictsAtOnceLeastRecentlyUsedFirst() throws Exception {
    StageCache cache =
        new StageCache(
            state,
            new CacheSettings(1 << 20, Optional.empty()),
            Map.of(),
            scheduler,
            Runnable::run,
            notes::add);
    ProjectConfig config = TestProjects.at(root).name("core").runsOnStart().stages(clippy).build();
    ProjectCache p = cache.project(config, files::get);
    p.inputsKnown(List.of());
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      files.put("a", new RecordedContent(i, new ContentDigest(i, 0, 0, 0)));
      p.inputsRecorded(List.of("a"), true);
      String key = p.lookup(clippy).join().key().orElseThrow();
      keys.add(key);
      Path log = Files.write(root.resolve("log" + i), new byte[1_200]);
      p.store(key, "core-" + i, passed(5), log, scheduler.now());
      scheduler.advance(Duration.ofSeconds(1));
    }
    Path newest = state.resolve("cache").resolve(keys.get(2));
    assertThat(Files.exists(state.resolve("cache").resolve(keys.get(0)))).isTrue();

    cache.apply(new CacheSettings(Files.size(newest) + 1, Optional.empty()));

    assertThat(Files.exists(state.resolve("cache").resolve(keys.get(0)))).isFalse();
    assertThat(Files.exists(state.resolve("cache").resolve(keys.get(1)))).isFalse();
    assertThat(Files.exists(state.resolve("cache").resolve(keys.get(2)))).isTrue();
  }
}
