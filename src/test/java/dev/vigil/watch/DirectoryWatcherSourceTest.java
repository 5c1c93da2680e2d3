package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kernel backend, driven past its limits. */
class DirectoryWatcherSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /**
   * Ten times what the JDK keeps per directory (512): the JDK's poller thread must have queued 512
   * of them on the directory's key by the time the held loop is let go, and it reads them while the
   * test is still touching files; with fewer, a poller slowed by a loaded machine lagged behind.
   */
  private static final int FILES = 5_000;

  @TempDir Path root;
  private final List<FileEvent> events = new CopyOnWriteArrayList<>();
  private final List<Exception> failures = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService loop = Executors.newSingleThreadExecutor();
  private EventSource source;

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    if (source != null) {
      source.close();
    }
    loop.shutdownNow();
    assertThat(loop.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void moreEventsThanTheQueueHoldsArriveAsAnOverflowNotAsAnException() throws Exception {
    Path many = Files.createDirectories(root.resolve("many"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(many.resolve("f" + i + ".txt"), "same " + i);
    }
    EventTranslator translator =
        new EventTranslator(
            root,
            WatchFilter.NONE,
            e -> false,
            e -> {
              events.add(e);
              awaitRelease();
            },
            failures::add);
    source = DirectoryWatcherSource.open(root, WatchFilter.NONE, translator);
    source.start(loop);

    // The first event holds the backend's loop in our listener, as a slow consumer would ...
    Files.writeString(root.resolve("first.txt"), "x");
    await().atMost(WAIT).until(() -> !events.isEmpty());
    // ... while a mass touch piles up more events on one directory than the JDK keeps for it.
    FileTime now = FileTime.from(Instant.now());
    for (int i = 0; i < FILES; i++) {
      Files.setLastModifiedTime(many.resolve("f" + i + ".txt"), now);
    }
    release.countDown();

    FileEvent overflow = new FileEvent(FileEvent.Kind.OVERFLOW, root, true);
    await().atMost(WAIT).until(() -> events.contains(overflow) || !failures.isEmpty());
    assertThat(failures).isEmpty();
    assertThat(events).contains(overflow);
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
