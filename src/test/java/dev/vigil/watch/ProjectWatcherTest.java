package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.time.SystemScheduler;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final List<FileEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> states = new CopyOnWriteArrayList<>();
  private final SystemScheduler scheduler = new SystemScheduler("watcher-test-scheduler");
  private ProjectWatcher watcher;

  @AfterEach
  void tearDown() {
    if (watcher != null) {
      watcher.close();
    }
    scheduler.close();
  }

  /** Settings under which a missing root is never looked for on a timer: only events find it. */
  private static final WatchSettings NO_ROOT_POLLING =
      new WatchSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofHours(1),
          Duration.ofSeconds(30),
          false);

  private ProjectWatcher watch(Path root, WatchFilter filter) throws Exception {
    return watch(root, filter, WatchSettings.DEFAULTS);
  }

  private ProjectWatcher watch(Path root, WatchFilter filter, WatchSettings settings)
      throws Exception {
    watcher =
        new ProjectWatcher(
            root, filter, events::add, (s, m) -> states.add(s + ": " + m), scheduler, settings);
    watcher.start().get(30, TimeUnit.SECONDS);
    return watcher;
  }

  private void awaitEvent(FileEvent.Kind kind, Path path) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(events).anyMatch(e -> e.kind() == kind && e.path().equals(path)));
  }

  @Test
  void reportsCreateModifyAndDeleteWithPaths() throws Exception {
    watch(dir, WatchFilter.NONE);
    assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
    Path file = dir.resolve("lib.rs");

    Files.writeString(file, "fn main() {}");
    awaitEvent(FileEvent.Kind.CREATED, file);
    Files.writeString(file, "fn main() { println!() }");
    awaitEvent(FileEvent.Kind.MODIFIED, file);
    Files.delete(file);
    awaitEvent(FileEvent.Kind.DELETED, file);

    assertThat(events).allMatch(e -> !e.directory());
    assertThat(states).first().asString().startsWith("STARTING");
    assertThat(states).last().asString().startsWith("WATCHING");
  }

  @Test
  void changeRightAfterStartIsSeen() throws Exception {
    watch(dir, WatchFilter.NONE);
    Path file = dir.resolve("first.txt");
    Files.writeString(file, "x");
    awaitEvent(FileEvent.Kind.CREATED, file);
  }

  @Test
  void nestedDirectoriesCreatedAtOnceAreSeenWithTheirFiles() throws Exception {
    watch(dir, WatchFilter.NONE);
    Path deep = dir.resolve("a/b/c");
    Files.createDirectories(deep);
    Path file = Files.writeString(deep.resolve("file.txt"), "hello");

    awaitEvent(FileEvent.Kind.CREATED, file);
    awaitEvent(FileEvent.Kind.CREATED, dir.resolve("a"));
    assertThat(events)
        .filteredOn(e -> e.path().equals(dir.resolve("a")))
        .allMatch(FileEvent::directory);

    Path later = Files.writeString(deep.resolve("later.txt"), "again");
    awaitEvent(FileEvent.Kind.CREATED, later);
  }

  @Test
  void filesAndNewDirectoriesInsideDirectoriesThatExistedAtStartAreSeen() throws Exception {
    Path leaf = Files.createDirectories(dir.resolve("src/main/pkg"));
    Path existing = Files.writeString(leaf.resolve("A.java"), "class A {}");
    Files.writeString(dir.resolve("src/top.txt"), "top");
    watch(dir, WatchFilter.NONE);

    Files.writeString(existing, "class A { int x; }");
    awaitEvent(FileEvent.Kind.MODIFIED, existing);
    Path sub = Files.createDirectories(leaf.resolve("sub"));
    Path inSub = Files.writeString(sub.resolve("B.java"), "class B {}");
    awaitEvent(FileEvent.Kind.CREATED, inSub);
    Path later = Files.writeString(sub.resolve("C.java"), "class C {}");
    awaitEvent(FileEvent.Kind.CREATED, later);
  }

  @Test
  void ignoredDirectoriesAreNeitherWalkedNorReported() throws Exception {
    Files.createDirectories(dir.resolve("target/debug/deps"));
    Files.createDirectories(dir.resolve("src"));
    Set<Path> asked = ConcurrentHashMap.newKeySet();
    WatchFilter ignoreTarget =
        (path, isDir) -> {
          asked.add(path);
          return path.getFileName().toString().equals("target");
        };
    watch(dir, ignoreTarget);

    Files.writeString(dir.resolve("target/debug/out.o"), "binary");
    Files.createDirectories(dir.resolve("target/release"));
    Path src = Files.writeString(dir.resolve("src/lib.rs"), "code");
    awaitEvent(FileEvent.Kind.CREATED, src);

    assertThat(asked).contains(dir.resolve("target"), dir.resolve("src"));
    assertThat(asked).noneMatch(p -> p.startsWith(dir.resolve("target/debug")));
    assertThat(events).noneMatch(e -> e.path().startsWith(dir.resolve("target")));
  }

  @Test
  void newIgnoredDirectoryIsNotReported() throws Exception {
    watch(dir, (path, isDir) -> path.getFileName().toString().equals("node_modules"));
    Files.createDirectories(dir.resolve("node_modules/left-pad"));
    Files.writeString(dir.resolve("node_modules/left-pad/index.js"), "x");
    Path marker = Files.writeString(dir.resolve("package.json"), "{}");
    awaitEvent(FileEvent.Kind.CREATED, marker);

    assertThat(events).noneMatch(e -> e.path().startsWith(dir.resolve("node_modules")));
  }

  @Test
  void symlinkLoopDoesNotTrapStart() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Files.createSymbolicLink(a.resolve("loop"), dir);
    Files.createSymbolicLink(dir.resolve("self"), dir.resolve("."));
    watch(dir, WatchFilter.NONE);

    Path file = Files.writeString(a.resolve("x.txt"), "x");
    awaitEvent(FileEvent.Kind.CREATED, file);
  }

  @Test
  void symlinkedRootIsWatched() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real/src"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    watch(link, WatchFilter.NONE);

    Files.writeString(real.resolve("lib.rs"), "x");
    awaitEvent(FileEvent.Kind.CREATED, link.resolve("src/lib.rs"));
  }

  @Test
  void deletedRootIsReportedOnceAndWatchedAgainWhenItReturns() throws Exception {
    Path root = Files.createDirectories(dir.resolve("project/src"));
    watch(dir.resolve("project"), WatchFilter.NONE, NO_ROOT_POLLING);

    deleteTree(dir.resolve("project"));
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.WAITING_FOR_ROOT);
    assertThat(states).filteredOn(s -> s.startsWith("WAITING_FOR_ROOT")).hasSize(1);
    assertThat(states.get(states.size() - 1)).contains("does not exist", "waiting for it");

    Files.createDirectories(root);
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.WATCHING);
    Path file = Files.writeString(root.resolve("main.rs"), "fn main() {}");
    awaitEvent(FileEvent.Kind.CREATED, file);
    assertThat(events).anyMatch(e -> e.kind() == FileEvent.Kind.OVERFLOW);
  }

  @Test
  void deletedRootThatAShellStillHasOpenIsNoticedAndWatchedAgainByEvents() throws Exception {
    Path project = Files.createDirectories(dir.resolve("outer/project"));
    Path src = Files.createDirectories(project.resolve("src"));
    Files.writeString(src.resolve("lib.rs"), "v1");
    watch(project, WatchFilter.NONE, NO_ROOT_POLLING);

    // An open directory (a shell's working directory, the daemon's own) keeps the kernel from
    // telling the root's own watch that the root is gone.
    try (DirectoryStream<Path> held = Files.newDirectoryStream(project)) {
      deleteTree(dir.resolve("outer"));
      await().atMost(WAIT).until(() -> watcher.state() == WatchState.WAITING_FOR_ROOT);
      assertThat(held).isNotNull();
    }
    assertThat(states).filteredOn(s -> s.startsWith("WAITING_FOR_ROOT")).hasSize(1);

    Files.createDirectories(src);
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.WATCHING);
    Path file = Files.writeString(src.resolve("lib.rs"), "v2");
    awaitEvent(FileEvent.Kind.MODIFIED, file);
  }

  @Test
  void rootReplacedByANewDirectoryIsWatchedAgain() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    watch(project, WatchFilter.NONE, NO_ROOT_POLLING);
    Path moved = dir.resolve("project.old");

    try (DirectoryStream<Path> held = Files.newDirectoryStream(project)) {
      Files.move(project, moved);
      Files.createDirectories(project);
      assertThat(held).isNotNull();
    }
    Path file = project.resolve("new.txt");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Files.writeString(file, String.valueOf(System.nanoTime()));
              assertThat(events).anyMatch(e -> e.path().equals(file));
            });
    Files.writeString(moved.resolve("old.txt"), "old");
    assertThat(events).noneMatch(e -> e.path().getFileName().toString().equals("old.txt"));
  }

  @Test
  void missingRootAtStartWaitsUntilItAppears() throws Exception {
    Path root = dir.resolve("later/project");
    watch(root, WatchFilter.NONE, NO_ROOT_POLLING);
    assertThat(watcher.state()).isEqualTo(WatchState.WAITING_FOR_ROOT);

    Files.createDirectories(root);
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.WATCHING);
    Path file = Files.writeString(root.resolve("a.txt"), "a");
    awaitEvent(FileEvent.Kind.CREATED, file);
  }

  @Test
  void aStateListenerThatAsksTheWatcherFromAnotherThreadIsNotBlocked() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    List<WatchState> answers = new CopyOnWriteArrayList<>();
    ProjectWatcher[] self = new ProjectWatcher[1];
    try {
      self[0] =
          new ProjectWatcher(
              dir,
              WatchFilter.NONE,
              events::add,
              (s, m) -> {
                try {
                  answers.add(other.submit(() -> self[0].state()).get(5, TimeUnit.SECONDS));
                } catch (Exception e) {
                  answers.add(null);
                }
              },
              scheduler);
      watcher = self[0];
      watcher.start().get(30, TimeUnit.SECONDS);
      await().atMost(WAIT).until(() -> answers.size() >= 2);
      assertThat(answers).doesNotContainNull().endsWith(WatchState.WATCHING);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aSourceIsClosedWithNoLockOfTheWatcherHeldWhenItsLoopEndsAndWhenTheWatcherCloses()
      throws Exception {
    List<LockCheckingSource> sources = startOnLockCheckingSources();
    assertThat(sources).hasSize(1);

    // The loop ends unexpectedly: the watcher closes that source and tries again later.
    sources.get(0).loop.completeExceptionally(new IOException("the loop died"));
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.ERROR);
    watcher.close();

    // Closing a source may complete its loop's future, and what waits on it runs right there.
    assertThat(sources.get(0).closedUnderLock).containsOnly(false).isNotEmpty();
  }

  @Test
  void theWatchersCloseClosesItsSourceWithNoLockHeld() throws Exception {
    List<LockCheckingSource> sources = startOnLockCheckingSources();

    watcher.close();

    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).closedUnderLock).containsExactly(false);
  }

  /** Starts {@link #watcher} on sources that note the lock; returns them as they are opened. */
  private List<LockCheckingSource> startOnLockCheckingSources() throws Exception {
    List<LockCheckingSource> sources = new CopyOnWriteArrayList<>();
    watcher =
        new ProjectWatcher(
            dir,
            WatchFilter.NONE,
            events::add,
            (s, m) -> states.add(s + ": " + m),
            scheduler,
            WatchSettings.DEFAULTS,
            (root, filter, listener) -> {
              LockCheckingSource source = new LockCheckingSource(() -> watcher);
              sources.add(source);
              return source;
            });
    watcher.start().get(30, TimeUnit.SECONDS);
    return sources;
  }

  /** A source that notes, when closed, whether its watcher's lock is held, and ends its loop. */
  private static final class LockCheckingSource implements EventSource {
    final CompletableFuture<Void> loop = new CompletableFuture<>();
    final List<Boolean> closedUnderLock = new CopyOnWriteArrayList<>();
    private final Supplier<ProjectWatcher> owner;

    LockCheckingSource(Supplier<ProjectWatcher> owner) {
      this.owner = owner;
    }

    @Override
    public CompletableFuture<Void> start(Executor executor) {
      return loop;
    }

    @Override
    public void close() {
      closedUnderLock.add(Thread.holdsLock(owner.get()));
      loop.complete(null);
    }

    @Override
    public String backend() {
      return "lock-checking";
    }
  }

  @Test
  void livenessCookiesAreConsumedWhileEventsFlow() throws Exception {
    watcher =
        new ProjectWatcher(
            dir,
            WatchFilter.NONE,
            events::add,
            (s, m) -> states.add(s + ": " + m),
            scheduler,
            WatchSettings.DEFAULTS.withLiveness(Duration.ofMillis(50), Duration.ofSeconds(10)));
    watcher.start().get(30, TimeUnit.SECONDS);

    await().atMost(WAIT).until(() -> watcher.cookiesConfirmed() >= 3);
    assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
    assertThat(events)
        .noneMatch(e -> e.path().getFileName().toString().startsWith(".vigil-cookie-"));
  }

  @Test
  void startsOnALargeTree() throws Exception {
    for (int d = 0; d < 500; d++) {
      Path sub = Files.createDirectories(dir.resolve("d" + (d % 25) + "/e" + d));
      for (int f = 0; f < 10; f++) {
        Files.createFile(sub.resolve("f" + f + ".txt"));
      }
    }
    watch(dir, WatchFilter.NONE);
    assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
    Path file = Files.writeString(dir.resolve("d7/e407/new.txt"), "y");
    awaitEvent(FileEvent.Kind.CREATED, file);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
