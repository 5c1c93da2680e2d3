package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.time.SystemScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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

  private ProjectWatcher watch(Path root, WatchFilter filter) throws Exception {
    watcher =
        new ProjectWatcher(
            root, filter, events::add, (s, m) -> states.add(s + ": " + m), scheduler);
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
  void deletedRootIsReportedAndWatchedAgainWhenItReturns() throws Exception {
    Path root = Files.createDirectories(dir.resolve("project/src"));
    watch(dir.resolve("project"), WatchFilter.NONE);

    deleteTree(dir.resolve("project"));
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.ERROR);
    assertThat(states).anyMatch(s -> s.startsWith("ERROR") && s.contains("does not exist"));

    Files.createDirectories(root);
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.WATCHING);
    Path file = Files.writeString(root.resolve("main.rs"), "fn main() {}");
    awaitEvent(FileEvent.Kind.CREATED, file);
    assertThat(events).anyMatch(e -> e.kind() == FileEvent.Kind.OVERFLOW);
  }

  @Test
  void missingRootAtStartIsAnErrorUntilItAppears() throws Exception {
    Path root = dir.resolve("later");
    watch(root, WatchFilter.NONE);
    assertThat(watcher.state()).isEqualTo(WatchState.ERROR);

    Files.createDirectories(root);
    await().atMost(WAIT).until(() -> watcher.state() == WatchState.WATCHING);
    Path file = Files.writeString(root.resolve("a.txt"), "a");
    awaitEvent(FileEvent.Kind.CREATED, file);
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
