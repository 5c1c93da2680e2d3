package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.config.ConfigSources;
import dev.vigil.time.FakeScheduler;
import dev.vigil.watch.FolderEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config's files are looked at when kernel events say they changed, and nothing runs on a timer
 * meanwhile; where events cannot be had (or a folder of theirs is gone), they are polled, and
 * events take over again once they can. Time is fake: a look happens only when the test moves it
 * on.
 */
class ConfigFileWatchTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final FakeScheduler scheduler = new FakeScheduler();
  private final AtomicInteger changes = new AtomicInteger();
  private ConfigFileWatch watch;

  @AfterEach
  void cancel() {
    if (watch != null) {
      watch.cancel();
    }
  }

  private Path config(Path folder, String content) throws IOException {
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve("vigil.yaml"), content);
  }

  private ConfigFileWatch watch(Path file, FolderEvents.Opener events) {
    watch =
        ConfigFileWatch.start(ConfigSources.of(file), scheduler, changes::incrementAndGet, events);
    return watch;
  }

  private ConfigFileWatch watchByEvents(Path file) {
    Optional<FolderEvents> probe = FolderEvents.open(() -> {});
    assumeTrue(probe.isPresent(), "no kernel folder events on this system");
    probe.get().close();
    return watch(file, FolderEvents::open);
  }

  /** Moves fake time on until the watch has told of {@code count} changes in all. */
  private void awaitChanges(int count, Duration step) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              scheduler.advance(step);
              assertThat(changes.get()).isEqualTo(count);
            });
  }

  @Test
  void anEditIsHeardByEventsAndNothingRunsOnATimerMeanwhile() throws Exception {
    Path file = config(dir, "version: 1\n");
    watchByEvents(file);

    assertThat(watch.byEvents()).isTrue();
    assertThat(scheduler.pending()).isZero();

    Files.writeString(file, "version: 1\n# edited\n");
    awaitChanges(1, ConfigFileWatch.SETTLE);

    assertThat(watch.byEvents()).isTrue();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aSaveByRenameOverTheFileIsHeardOnce() throws Exception {
    Path file = config(dir, "version: 1\n");
    watchByEvents(file);

    Path temp = Files.writeString(dir.resolve(".vigil.yaml.swp"), "version: 1\n# renamed\n");
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    awaitChanges(1, ConfigFileWatch.SETTLE);

    scheduler.advance(Duration.ofSeconds(5));
    assertThat(changes.get()).isEqualTo(1);
  }

  @Test
  void withoutEventsTheFileIsPolled() throws Exception {
    Path file = config(dir, "version: 1\n");
    watch(file, changed -> Optional.empty());

    assertThat(watch.byEvents()).isFalse();
    scheduler.advance(ConfigFileWatch.INTERVAL.multipliedBy(3));
    assertThat(changes.get()).isZero();

    Files.writeString(file, "version: 1\n# edited\n");
    scheduler.advance(ConfigFileWatch.INTERVAL);

    assertThat(changes.get()).isEqualTo(1);
  }

  @Test
  void aFolderThatGoesAwayIsPolledUntilItIsBackThenEventsTakeOver() throws Exception {
    Path folder = dir.resolve("conf");
    Path file = config(folder, "version: 1\n");
    watchByEvents(file);

    Files.delete(file);
    Files.delete(folder);
    awaitChanges(1, ConfigFileWatch.SETTLE);
    assertThat(watch.byEvents()).isFalse();

    config(folder, "version: 1\n# back\n");
    awaitChanges(2, ConfigFileWatch.INTERVAL);
    assertThat(watch.byEvents()).isTrue();

    Files.writeString(file, "version: 1\n# edited again\n");
    awaitChanges(3, ConfigFileWatch.SETTLE);
  }
}
