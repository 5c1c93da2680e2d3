package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final AtomicInteger heard = new AtomicInteger();
  private FolderEvents events;

  @BeforeEach
  void open() {
    Optional<FolderEvents> opened = FolderEvents.open(heard::incrementAndGet);
    assumeTrue(opened.isPresent(), "no kernel folder events on this system");
    events = opened.get();
  }

  @AfterEach
  void close() {
    if (events != null) {
      events.close();
    }
  }

  @Test
  void aWriteToAWatchedFileAndAnEntryMadeInAWatchedFolderAreHeard() throws Exception {
    Path file = Files.writeString(dir.resolve("a.yaml"), "a");
    Path folder = Files.createDirectory(dir.resolve("inc"));

    assertThat(events.watch(Set.of(file), Set.of(folder))).isTrue();
    Files.writeString(file, "b");
    await().atMost(WAIT).until(() -> heard.get() >= 1);

    int before = heard.get();
    Files.writeString(folder.resolve("new.yaml"), "c");
    await().atMost(WAIT).until(() -> heard.get() > before);
  }

  @Test
  void aFolderDeletedIsHeardAndNotWatchedUntilItIsBack() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("conf"));
    Path file = Files.writeString(folder.resolve("vigil.yaml"), "a");
    assertThat(events.watch(Set.of(file), Set.of())).isTrue();

    Files.delete(file);
    Files.delete(folder);
    await().atMost(WAIT).until(() -> heard.get() >= 1);
    assertThat(events.watch(Set.of(file), Set.of())).isFalse();

    Files.createDirectory(folder);
    assertThat(events.watch(Set.of(file), Set.of())).isTrue();
    int before = heard.get();
    Files.writeString(file, "b");
    await().atMost(WAIT).until(() -> heard.get() > before);
  }

  @Test
  void afterCloseNothingIsWatched() {
    events.close();

    assertThat(events.watch(Set.of(dir.resolve("x")), Set.of(dir))).isFalse();
  }
}
