package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.config.ConfigLoader;
import dev.vigil.config.VigilConfig;
import dev.vigil.pipeline.OnceSequence;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage cache in a real daemon on a real tree: edit and edit back, a restart on the same state
 * dir, {@code trigger --no-cache}, and the store's size limit. The stage appends a line to a file
 * outside the root each time its command really runs.
 */
class DaemonCacheTest {
  @RegisterExtension final DaemonFixture fx = new DaemonFixture();
  @RegisterExtension final DaemonFixture second = new DaemonFixture();

  @TempDir Path root;
  @TempDir Path state;
  @TempDir Path outside;

  private Path marker() {
    return outside.resolve("ran");
  }

  private String config(String maxSize) {
    return """
        version: 1
        cache: {max_size: %s}
        projects:
          - name: app
            ignore: [vigil.yaml]
            stages:
              - {name: check, run: "echo checked; head -c 2000 /dev/zero | tr '\\\\0' x; echo ran >> '%s'", cache: true}
        """
        .formatted(maxSize, marker());
  }

  private long timesRun() throws Exception {
    return Files.exists(marker()) ? Files.readAllLines(marker()).size() : 0;
  }

  private static StageRecord check(RunRecord run) {
    return run.stages().get(0);
  }

  @Test
  void anEditBackIsAnsweredFromTheCacheAndARestartKeepsIt() throws Exception {
    Files.writeString(root.resolve("lib.txt"), "one\n");
    fx.start(root, state, config("1MiB"));
    StageRecord first = check(fx.awaitRun(1));
    assertThat(first.status()).isEqualTo(StageStatus.PASSED);
    assertThat(first.cacheKey()).isNotNull();
    awaitStored(1);

    Files.writeString(root.resolve("lib.txt"), "two\n");
    assertThat(check(fx.awaitRun(2)).status()).isEqualTo(StageStatus.PASSED);
    Files.writeString(root.resolve("lib.txt"), "one\n");
    RunRecord back = fx.awaitRun(3);

    assertThat(timesRun()).isEqualTo(2);
    StageRecord cached = check(back);
    assertThat(cached.status()).isEqualTo(StageStatus.CACHED);
    assertThat(cached.cacheKey()).isEqualTo(first.cacheKey());
    assertThat(cached.cachedFrom().runId()).isEqualTo(fx.runs().get(0).runId());
    assertThat(cached.cachedFrom().source()).isEqualTo("local");
    assertThat(cached.savedMs()).isEqualTo(first.durationMs());
    assertThat(cached.outputTail()).contains("checked");
    assertThat(Files.readString(state.resolve(cached.logFile()))).contains("checked");
    assertThat(fx.console()).contains("check cached (");

    fx.daemon.stop().join();
    second.start(root, state, config("1MiB"));
    RunRecord afterRestart = second.awaitRun(4);
    assertThat(check(afterRestart).status()).isEqualTo(StageStatus.CACHED);
    assertThat(timesRun()).isEqualTo(2);
  }

  @Test
  void triggerWithNoCacheRunsTheStageAndAPlainTriggerDoesNot() throws Exception {
    Files.writeString(root.resolve("lib.txt"), "one\n");
    fx.start(root, state, config("1MiB"));
    fx.awaitRun(1);
    awaitStored(1);

    fx.daemon.trigger(Optional.empty()).join();
    assertThat(check(fx.awaitRun(2)).status()).isEqualTo(StageStatus.CACHED);
    assertThat(timesRun()).isEqualTo(1);

    for (Path stored : stored()) {
      Files.delete(stored); // the store lost it (evicted, or the remote never got it)
    }
    fx.daemon.trigger(Optional.of("app"), true).join();
    StageRecord ran = check(fx.awaitRun(3));
    assertThat(ran.status()).isEqualTo(StageStatus.PASSED);
    assertThat(timesRun()).isEqualTo(2);
    assertThat(ran.cacheKey()).as("a run without the cache stores afresh").isNotNull();
    awaitStored(1);

    fx.daemon.trigger(Optional.empty()).join();
    assertThat(check(fx.awaitRun(4)).status()).isEqualTo(StageStatus.CACHED);
    assertThat(timesRun()).isEqualTo(2);
  }

  @Test
  void pastMaxSizeTheLeastRecentlyUsedResultIsEvictedAndRunsAgain() throws Exception {
    // Each artifact holds the stage's output tail and its log, 2 KB each: 6 KiB holds one.
    Files.writeString(root.resolve("lib.txt"), "one\n");
    fx.start(root, state, config("6KiB"));
    fx.awaitRun(1);
    awaitStored(1);
    Files.writeString(root.resolve("lib.txt"), "two\n");
    fx.awaitRun(2);
    await().atMost(DaemonFixture.WAIT).until(() -> timesRun() == 2 && stored().size() == 1);

    Files.writeString(root.resolve("lib.txt"), "one\n");
    RunRecord back = fx.awaitRun(3);

    assertThat(check(back).status()).isEqualTo(StageStatus.PASSED);
    assertThat(timesRun()).isEqualTo(3);
  }

  @Test
  void aReloadWithASmallerMaxSizeEvictsAtOnce() throws Exception {
    // Each artifact holds the stage's output tail and its log, 2 KB each: 6 KiB holds one.
    Files.writeString(root.resolve("lib.txt"), "one\n");
    fx.start(root, state, config("1MiB"));
    fx.awaitRun(1);
    Files.writeString(root.resolve("lib.txt"), "two\n");
    fx.awaitRun(2);
    awaitStored(2);
    Path newest = newestStored();

    Files.writeString(fx.configFile, config("6KiB"));
    assertThat(fx.daemon.reload()).isEmpty();

    assertThat(stored()).as("evicted as the reload applied it").containsExactly(newest);
    Files.writeString(root.resolve("lib.txt"), "one\n");
    assertThat(check(fx.awaitRun(3)).status()).isEqualTo(StageStatus.PASSED);
    assertThat(timesRun()).isEqualTo(3);
  }

  @Test
  void aBadCacheValueAtReloadIsRefusedAtItsPlaceAndTheOldSettingsStay() throws Exception {
    Files.writeString(root.resolve("lib.txt"), "one\n");
    fx.start(root, state, config("1MiB"));
    fx.awaitRun(1);
    awaitStored(1);

    Files.writeString(fx.configFile, config("0B"));
    Optional<String> problems = fx.daemon.reload();

    assertThat(problems).get().asString().contains(fx.configFile + ":2:").contains("max_size");
    assertThat(stored()).as("the old max_size stays").hasSize(1);
    fx.daemon.trigger(Optional.empty()).join();
    assertThat(check(fx.awaitRun(2)).status()).isEqualTo(StageStatus.CACHED);
  }

  @Test
  void aReloadTakesTheToolsOutputAgain() throws Exception {
    Path toolchain = outside.resolve("toolchain");
    Files.writeString(toolchain, "rustc 1.80\n");
    Files.writeString(root.resolve("lib.txt"), "one\n");
    fx.start(
        root,
        state,
        """
        version: 1
        projects:
          - name: app
            ignore: [vigil.yaml]
            stages:
              - {name: check, run: "echo checked; echo ran >> '%s'", cache: {tools: ["cat '%s'"]}}
        """
            .formatted(marker(), toolchain));
    fx.awaitRun(1);
    awaitStored(1);
    fx.daemon.trigger(Optional.empty()).join();
    assertThat(check(fx.awaitRun(2)).status()).isEqualTo(StageStatus.CACHED);

    Files.writeString(toolchain, "rustc 1.81\n");
    assertThat(fx.daemon.reload()).isEmpty();
    fx.daemon.trigger(Optional.empty()).join();

    assertThat(check(fx.awaitRun(3)).status()).isEqualTo(StageStatus.PASSED);
    assertThat(timesRun()).isEqualTo(2);
  }

  @Test
  void aStageThatChecksOnlyTheChangedFilesIsKeyedByThemToo() throws Exception {
    // The stage checks the files it is given: the same tree with other files changed is another
    // command, and a result for one is no answer for the other.
    Files.writeString(root.resolve("a.txt"), "ok\n");
    Files.writeString(root.resolve("b.txt"), "ok\n");
    fx.start(
        root,
        state,
        """
        version: 1
        projects:
          - name: app
            ignore: [vigil.yaml]
            stages:
              - {name: check, run: "echo ran >> '%s'; ! grep -l BAD {changed} /dev/null", cache: true}
        """
            .formatted(marker()));
    assertThat(check(fx.awaitRun(1)).status()).isEqualTo(StageStatus.PASSED);
    Files.writeString(root.resolve("b.txt"), "BAD\n");
    assertThat(check(fx.awaitRun(2)).status()).isEqualTo(StageStatus.FAILED);
    Files.writeString(root.resolve("a.txt"), "ok 2\n");
    assertThat(check(fx.awaitRun(3)).status()).isEqualTo(StageStatus.PASSED);
    awaitStored(2);
    Files.writeString(root.resolve("b.txt"), "ok\n");
    assertThat(check(fx.awaitRun(4)).status()).isEqualTo(StageStatus.PASSED);

    Files.writeString(root.resolve("b.txt"), "BAD\n");
    StageRecord back = check(fx.awaitRun(5));

    assertThat(back.status()).isEqualTo(StageStatus.FAILED);
    assertThat(timesRun()).isEqualTo(5);
  }

  @Test
  void vigilOnceWithTheDaemonStoppedIsAnsweredFromWhatTheDaemonStored() throws Exception {
    Files.writeString(root.resolve("lib.txt"), "one\n");
    fx.start(
        root,
        state,
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: check, run: "echo checked; echo ran >> '%s'", cache: true}
        """
            .formatted(marker()));
    fx.awaitRun(1);
    awaitStored(1);
    fx.daemon.stop().join();

    VigilConfig config = ConfigLoader.load(fx.configFile);
    List<RunRecord> once = new ArrayList<>();
    boolean passed =
        LocalOnce.run(
            config.projects(),
            state,
            dev.vigil.pipeline.RunListener.NONE,
            new OnceSequence.Listener() {
              @Override
              public void finished(RunRecord record) {
                once.add(record);
              }

              @Override
              public void skipped(String project, String upstream, boolean upstreamSkipped) {}
            },
            line -> {},
            new LocalOnce.Caching(
                config.cache(),
                Map.of("HOME", state.resolve("home").toString(), "PATH", System.getenv("PATH")),
                Set.of(fx.configFile)),
            new dev.vigil.report.Json());

    assertThat(passed).isTrue();
    StageRecord stage = check(once.get(0));
    assertThat(stage.status()).isEqualTo(StageStatus.CACHED);
    assertThat(stage.cachedFrom().runId()).isEqualTo(fx.runs().get(0).runId());
    assertThat(timesRun()).isEqualTo(1);
  }

  private void awaitStored(int n) {
    await().atMost(DaemonFixture.WAIT).until(() -> stored().size() >= n);
  }

  private Path newestStored() throws Exception {
    Path newest = null;
    for (Path p : stored()) {
      if (newest == null
          || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0) {
        newest = p;
      }
    }
    return newest;
  }

  private List<Path> stored() throws Exception {
    Path dir = state.resolve("cache");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).toList();
    }
  }
}
