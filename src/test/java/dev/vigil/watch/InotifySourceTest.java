package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.files.RawNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inotify backend against the real kernel: what it reports for each kind of change. */
class InotifySourceTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path root;
  private final List<FileEvent> events = new CopyOnWriteArrayList<>();
  private final List<Exception> failures = new CopyOnWriteArrayList<>();
  private final ExecutorService loop = Executors.newSingleThreadExecutor();
  private EventSource source;
  private CompletableFuture<Void> ended;

  @BeforeEach
  void linuxOnly() throws Exception {
    assumeTrue(
        System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
        "inotify exists on Linux only");
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/a.txt"), "a");
    EventTranslator sink =
        new EventTranslator(root, WatchFilter.NONE, e -> false, events::add, failures::add);
    source = InotifySource.open(root, WatchFilter.NONE, sink);
    ended = source.start(loop);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (source != null) {
      source.close();
    }
    loop.shutdownNow();
    assertThat(loop.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFinishedWriteIsOneModification() throws Exception {
    Path file = root.resolve("src/a.txt");
    Files.writeString(file, "changed");

    FileEvent modified = new FileEvent(FileEvent.Kind.MODIFIED, file, false);
    await().atMost(WAIT).until(() -> events.contains(modified));
    assertThat(events).containsOnlyOnce(modified);
    assertThat(source.backend()).isEqualTo("inotify");
  }

  @Test
  void filesMadeInANewDirectoryBeforeItsWatchAreReported() throws Exception {
    Path deep = Files.createDirectories(root.resolve("new/a/b"));
    Files.writeString(deep.resolve("x.txt"), "x");
    Files.writeString(root.resolve("new/y.txt"), "y");

    await()
        .atMost(WAIT)
        .until(
            () ->
                events.stream().anyMatch(e -> e.path().equals(deep.resolve("x.txt")))
                    && events.stream().anyMatch(e -> e.path().equals(root.resolve("new/y.txt"))));
    // and the new directories are watched: a later write there is heard
    Files.writeString(deep.resolve("x.txt"), "x2");
    FileEvent later = new FileEvent(FileEvent.Kind.MODIFIED, deep.resolve("x.txt"), false);
    await().atMost(WAIT).until(() -> events.contains(later));
    assertThat(failures).isEmpty();
  }

  @Test
  void aRenameIsADeletionAndACreation() throws Exception {
    Files.move(root.resolve("src/a.txt"), root.resolve("src/b.txt"));

    await()
        .atMost(WAIT)
        .until(
            () ->
                events.contains(
                        new FileEvent(FileEvent.Kind.DELETED, root.resolve("src/a.txt"), false))
                    && events.contains(
                        new FileEvent(FileEvent.Kind.CREATED, root.resolve("src/b.txt"), false)));
  }

  @Test
  void aDirectoryMovedAwayAndBackIsWatchedUnderItsNewName() throws Exception {
    Files.move(root.resolve("src"), root.resolve("lib"));
    Path moved = root.resolve("lib/a.txt");
    await()
        .atMost(WAIT)
        .until(() -> events.contains(new FileEvent(FileEvent.Kind.CREATED, moved, false)));

    Files.writeString(moved, "again");
    await()
        .atMost(WAIT)
        .until(() -> events.contains(new FileEvent(FileEvent.Kind.MODIFIED, moved, false)));
  }

  @Test
  void namesThatAreNotUtf8AreReportedByteForByteInANewDirectoryToo() throws Exception {
    shell("mkdir \"$(printf 'd\\377ir')\" && printf x > \"$(printf 'd\\377ir/f\\376.txt')\"");
    await()
        .atMost(WAIT)
        .until(() -> events.stream().anyMatch(e -> e.path().toString().contains("f")));
    shell("printf y > \"$(printf 'd\\377ir/f\\376.txt')\"");
    await()
        .atMost(WAIT)
        .until(() -> events.stream().anyMatch(e -> e.kind() == FileEvent.Kind.MODIFIED));

    FileEvent written =
        events.stream().filter(e -> e.kind() == FileEvent.Kind.MODIFIED).findFirst().orElseThrow();
    assertThat(Files.readString(written.path())).isEqualTo("y");
    assertThat(RawNames.slashed(root.relativize(written.path())))
        .isEqualTo("d\uDCFFir/f\uDCFE.txt");
    assertThat(failures).isEmpty();
  }

  private void shell(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).directory(root.toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void theLoopEndsWhenTheRootIsDeleted() throws Exception {
    Files.delete(root.resolve("src/a.txt"));
    Files.delete(root.resolve("src"));
    Files.delete(root);
    await().atMost(WAIT).until(ended::isDone);
    Files.createDirectories(root); // for @TempDir's cleanup
  }
}
