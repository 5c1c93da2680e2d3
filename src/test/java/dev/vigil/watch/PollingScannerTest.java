package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.files.RawNames;
import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollingScannerTest {
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir Path root;

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<FileEvent> events = new ArrayList<>();
  private final AtomicInteger rootGone = new AtomicInteger();

  private PollingScanner scanner(WatchFilter filter) {
    return new PollingScanner(
        root, filter, events::add, rootGone::incrementAndGet, scheduler, INTERVAL, Runnable::run);
  }

  @Test
  void reportsCreatedModifiedAndDeletedFilesOnEachInterval() throws Exception {
    Path kept = Files.writeString(root.resolve("kept.txt"), "same");
    Path changed = Files.writeString(root.resolve("changed.txt"), "before");
    Path removed = Files.writeString(root.resolve("removed.txt"), "bye");
    PollingScanner scanner = scanner(WatchFilter.NONE);
    scanner.start();
    assertThat(events).isEmpty();

    Files.setLastModifiedTime(changed, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    Files.delete(removed);
    Path added =
        Files.writeString(Files.createDirectories(root.resolve("src")).resolve("new.rs"), "");
    scheduler.advance(Duration.ofMillis(1999));
    assertThat(events).isEmpty();

    scheduler.advance(Duration.ofMillis(1));
    assertThat(events)
        .containsExactlyInAnyOrder(
            new FileEvent(FileEvent.Kind.MODIFIED, changed, false),
            new FileEvent(FileEvent.Kind.DELETED, removed, false),
            new FileEvent(FileEvent.Kind.CREATED, root.resolve("src"), true),
            new FileEvent(FileEvent.Kind.CREATED, added, false));
    assertThat(events).noneMatch(e -> e.path().equals(kept));

    events.clear();
    Files.writeString(added, "longer content");
    scheduler.advance(INTERVAL);
    assertThat(events).containsExactly(new FileEvent(FileEvent.Kind.MODIFIED, added, false));

    events.clear();
    scheduler.advance(INTERVAL);
    assertThat(events).isEmpty();
  }

  @Test
  void ignoredDirectoriesAreNotWalked() throws Exception {
    Files.createDirectories(root.resolve("target/debug"));
    List<Path> asked = new ArrayList<>();
    PollingScanner scanner =
        scanner(
            (path, isDir) -> {
              asked.add(path);
              return path.getFileName().toString().equals("target");
            });
    scanner.start();
    Files.writeString(root.resolve("target/debug/app"), "bin");
    Path src = Files.writeString(root.resolve("main.c"), "int main;");
    scheduler.advance(INTERVAL);

    assertThat(events).containsExactly(new FileEvent(FileEvent.Kind.CREATED, src, false));
    assertThat(asked).noneMatch(p -> p.startsWith(root.resolve("target/debug")));
  }

  @Test
  void rescanReportsAtOnce() throws Exception {
    PollingScanner scanner = scanner(WatchFilter.NONE);
    scanner.start();
    Path file = Files.writeString(root.resolve("a.txt"), "a");
    scanner.scanNow();
    assertThat(events).containsExactly(new FileEvent(FileEvent.Kind.CREATED, file, false));
    assertThat(scanner.size()).isEqualTo(1);
  }

  @Test
  void aListenerThatAsksItsOwnScannerFromAnotherThreadIsNotBlocked() throws Exception {
    List<Integer> sizesSeen = new ArrayList<>();
    ExecutorService other = Executors.newSingleThreadExecutor();
    PollingScanner[] self = new PollingScanner[1];
    try {
      self[0] =
          new PollingScanner(
              root,
              WatchFilter.NONE,
              e -> sizesSeen.add(askFrom(other, () -> self[0].size())),
              rootGone::incrementAndGet,
              scheduler,
              INTERVAL,
              Runnable::run);
      self[0].start();
      Files.writeString(root.resolve("a.txt"), "a");
      Files.writeString(root.resolve("b.txt"), "b");

      self[0].scanNow();

      assertThat(sizesSeen).containsExactly(2, 2);
    } finally {
      other.shutdownNow();
    }
  }

  /** Asks on the other thread and waits for the answer; -1 if it does not come within 5 s. */
  private static int askFrom(ExecutorService other, Callable<Integer> question) {
    try {
      return other.submit(question).get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return -1;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void missingRootStopsPollingAndSaysSo() throws Exception {
    Path sub = Files.createDirectories(root.resolve("p"));
    PollingScanner scanner =
        new PollingScanner(
            sub,
            WatchFilter.NONE,
            events::add,
            rootGone::incrementAndGet,
            scheduler,
            INTERVAL,
            Runnable::run);
    scanner.start();
    Files.delete(sub);
    scheduler.advance(INTERVAL);
    scheduler.advance(INTERVAL);

    assertThat(rootGone).hasValue(1);
    assertThat(events).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void symlinkedRootIsEnteredButLinksBelowAreNot() throws Exception {
    Path real = Files.createDirectories(root.resolve("real"));
    Files.createSymbolicLink(real.resolve("loop"), real);
    Path link = Files.createSymbolicLink(root.resolve("link"), real);
    PollingScanner scanner =
        new PollingScanner(
            link,
            WatchFilter.NONE,
            events::add,
            rootGone::incrementAndGet,
            scheduler,
            INTERVAL,
            Runnable::run);
    scanner.start();
    assertThat(scanner.size()).isEqualTo(1);
    Files.writeString(real.resolve("a.txt"), "a");
    scanner.scanNow();
    assertThat(events)
        .containsExactly(new FileEvent(FileEvent.Kind.CREATED, link.resolve("a.txt"), false));
  }

  @Test
  void closeStopsPolling() throws Exception {
    PollingScanner scanner = scanner(WatchFilter.NONE);
    scanner.start();
    scanner.close();
    Files.writeString(root.resolve("a.txt"), "a");
    scheduler.advance(INTERVAL);
    assertThat(events).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void namesThatAreNotUtf8AreReportedByteForByteAsTheEventBackendDoes() throws Exception {
    PollingScanner scanner = scanner(WatchFilter.NONE);
    scanner.start();
    String dir = "d\uDCFE";
    String fe = dir + "/x\uDCFE.txt";
    String ff = dir + "/x\uDCFF.txt";
    Files.createDirectory(RawNames.resolve(root, dir));
    Files.writeString(RawNames.resolve(root, fe), "fe");
    Files.writeString(RawNames.resolve(root, ff), "ff");

    scheduler.advance(INTERVAL);

    assertThat(events).allSatisfy(e -> assertThat(e.path()).exists());
    assertThat(events)
        .extracting(e -> e.kind() + " " + RawNames.slashed(root.relativize(e.path())))
        .containsExactlyInAnyOrder("CREATED " + dir, "CREATED " + fe, "CREATED " + ff);

    events.clear();
    Files.writeString(RawNames.resolve(root, ff), "longer");
    scheduler.advance(INTERVAL);
    assertThat(events)
        .containsExactly(new FileEvent(FileEvent.Kind.MODIFIED, RawNames.resolve(root, ff), false));
  }
}
