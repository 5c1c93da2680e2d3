package dev.vigil.cache;

import static org.assertj.core.api.Assertions.assertThat;

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
    files.put("src/lib.rs", new RecordedContent(10, 1));
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

    files.put("src/lib.rs", new RecordedContent(11, 2));
    p.inputsRecorded(List.of("src/lib.rs"), true);
    assertThat(p.lookup(clippy).join().hit()).isEmpty();

    files.put("src/lib.rs", new RecordedContent(10, 1));
    p.inputsRecorded(List.of("src/lib.rs"), true);
    assertThat(p.lookup(clippy).join().hit()).isPresent();
  }

  @Test
  void aStoreOpenedAgainStillAnswers() {
    files.put("a", new RecordedContent(1, 1));
    ProjectCache p = project(1 << 20);
    String key = p.lookup(clippy).join().key().orElseThrow();
    p.store(key, "core-1", passed(5), null, scheduler.now());

    assertThat(project(1 << 20).lookup(clippy).join().hit()).isPresent();
  }

  @Test
  void aRunWhosePathListWasCutShortTurnsTheCacheOffForTheProject() {
    files.put("a", new RecordedContent(1, 1));
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
      files.put("a", new RecordedContent(i, i));
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
}
