package dev.vigil.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.batch.ContentDigest;
import dev.vigil.batch.RecordedContent;
import dev.vigil.config.CacheSettings;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageCacheConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's cache tells its waiting lookups and its notes with no lock of its own held: one that
 * asks the project again on another thread, and waits for the answer, is answered.
 */
class CachedProjectLockTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path state;
  @TempDir Path root;

  private final ExecutorService other = Executors.newSingleThreadExecutor();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Map<String, RecordedContent> files =
      Map.of("src/lib.rs", new RecordedContent(10, new ContentDigest(1, 0, 0, 0)));

  private final StageConfig clippy =
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

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  @Test
  void aLookupWaitingForTheBaselineThatAsksAgainOnAnotherThreadIsAnswered() {
    ProjectCache project = project(note -> {});
    CompletableFuture<Lookup> waiting = project.lookup(clippy);
    CompletableFuture<Void> asked =
        waiting.thenRun(() -> askOnTheOtherThread(() -> project.lookup(clippy).join().key()));

    assertTimeoutPreemptively(WAIT.multipliedBy(3), () -> project.inputsKnown(files.keySet()));

    assertThat(asked).isCompleted();
    assertThat(seen).singleElement().asString().isEqualTo("answered: " + waiting.join().key());
    assertThat(waiting.join().key()).isPresent();
  }

  @Test
  void theNoteOfACutShortListAsksAgainOnAnotherThreadAndIsAnsweredAsTheCacheNowStands() {
    List<ProjectCache> self = new CopyOnWriteArrayList<>();
    ProjectCache project =
        project(note -> askOnTheOtherThread(() -> self.get(0).lookup(clippy).join()));
    self.add(project);
    project.inputsKnown(files.keySet());

    assertTimeoutPreemptively(
        WAIT.multipliedBy(3), () -> project.inputsRecorded(List.of("src/lib.rs"), false));

    assertThat(seen).containsExactly("answered: " + Lookup.NONE);
  }

  private ProjectCache project(Consumer<String> notes) {
    StageCache cache =
        new StageCache(
            state,
            new CacheSettings(1 << 20, Optional.empty()),
            Map.of(),
            new FakeScheduler(),
            Runnable::run,
            notes);
    ProjectConfig config = TestProjects.at(root).name("core").stages(clippy).build();
    return cache.project(config, files::get);
  }

  /** Asks on another thread and waits for the answer; says what came, or that it never did. */
  private void askOnTheOtherThread(Callable<Object> question) {
    try {
      Object answer =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return question.call();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  },
                  other)
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      seen.add("answered: " + answer);
    } catch (TimeoutException e) {
      seen.add("<stuck>");
    } catch (Exception e) {
      seen.add("<failed: " + e + ">");
    }
  }
}
