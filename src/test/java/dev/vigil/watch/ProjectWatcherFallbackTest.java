package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.time.FakeScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's fallbacks, with the kernel replaced by fakes and time by a fake scheduler. */
class ProjectWatcherFallbackTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path root;

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<FileEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> states = new CopyOnWriteArrayList<>();
  private final List<FakeSource> opened = new CopyOnWriteArrayList<>();
  private volatile IOException kernelFailure;
  private ProjectWatcher watcher;

  @AfterEach
  void tearDown() {
    if (watcher != null) {
      watcher.close();
    }
  }

  /** A kernel that registers fine and then says nothing at all. */
  private static final class FakeSource implements EventSource {
    @Override
    public String backend() {
      return "fake";
    }

    final EventTranslator listener;
    final IOException failure;
    final CompletableFuture<Void> loop = new CompletableFuture<>();

    FakeSource(EventTranslator listener, IOException failure) {
      this.listener = listener;
      this.failure = failure;
    }

    @Override
    public CompletableFuture<Void> start(Executor executor) throws IOException {
      if (failure != null) {
        throw failure;
      }
      return loop;
    }

    @Override
    public void close() {
      loop.complete(null);
    }
  }

  private ProjectWatcher start(WatchSettings settings, IOException failure) throws Exception {
    kernelFailure = failure;
    watcher =
        new ProjectWatcher(
            root,
            WatchFilter.NONE,
            events::add,
            (s, m) -> states.add(s + ": " + m),
            scheduler,
            settings,
            (r, f, listener) -> {
              FakeSource source = new FakeSource(listener, kernelFailure);
              opened.add(source);
              return source;
            });
    watcher.start().get(30, TimeUnit.SECONDS);
    return watcher;
  }

  private void awaitCreatedWhilePolling(Path file) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              scheduler.advance(WatchSettings.DEFAULTS.pollInterval());
              assertThat(events).contains(new FileEvent(FileEvent.Kind.CREATED, file, false));
            });
  }

  private void awaitState(WatchState state) {
    await().atMost(WAIT).until(() -> watcher.state() == state);
  }

  @Test
  void silentKernelIsDetectedByTheCookieAndPollingTakesOver() throws Exception {
    start(WatchSettings.DEFAULTS, null);
    assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);

    scheduler.advance(Duration.ofSeconds(60));
    scheduler.advance(Duration.ofSeconds(5));
    awaitState(WatchState.POLLING);

    assertThat(states.get(states.size() - 1))
        .contains("POLLING", "liveness cookie", "polling every 2 s");
    assertThat(events).contains(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    try (var files = Files.list(root)) {
      assertThat(files).isEmpty();
    }
    awaitCreatedWhilePolling(Files.writeString(root.resolve("a.txt"), "a"));
  }

  @Test
  void answeredCookiesKeepWatching() throws Exception {
    start(WatchSettings.DEFAULTS, null);
    scheduler.advance(Duration.ofSeconds(60));
    try (var files = Files.list(root)) {
      Path cookie = files.findFirst().orElseThrow();
      opened
          .get(0)
          .listener
          .onEvent(
              new io.methvin.watcher.DirectoryChangeEvent(
                  io.methvin.watcher.DirectoryChangeEvent.EventType.CREATE,
                  false,
                  cookie,
                  null,
                  1,
                  root));
    }
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
    assertThat(watcher.cookiesConfirmed()).isEqualTo(1);
    assertThat(events).isEmpty();
  }

  @Test
  void watchLimitAtStartFallsBackToPollingAndSaysHowToRaiseIt() throws Exception {
    start(WatchSettings.DEFAULTS, new IOException("User limit of inotify watches reached"));

    assertThat(watcher.state()).isEqualTo(WatchState.POLLING);
    assertThat(states.get(states.size() - 1))
        .contains("fs.inotify.max_user_watches", "sudo sysctl fs.inotify.max_user_watches=524288");
    assertThat(events).isEmpty();
    awaitCreatedWhilePolling(Files.writeString(root.resolve("b.txt"), "b"));
  }

  @Test
  void watchLimitWhileRunningFallsBackToPollingAndAsksForARescan() throws Exception {
    start(WatchSettings.DEFAULTS, null);
    opened.get(0).listener.onException(new IOException("User limit of inotify watches reached"));

    awaitState(WatchState.POLLING);
    assertThat(events).contains(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    assertThat(opened.get(0).loop).isDone();
  }

  @Test
  void otherBackendErrorsAskForARescanAndKeepWatching() throws Exception {
    start(WatchSettings.DEFAULTS, null);
    opened.get(0).listener.onException(new IllegalStateException("key not found"));

    assertThat(events).containsExactly(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
    assertThat(opened).hasSize(1);
  }

  @Test
  void unexpectedEndOfWatchingIsReportedAndRetried() throws Exception {
    start(WatchSettings.DEFAULTS, null);
    opened.get(0).loop.completeExceptionally(new IllegalStateException("loop died"));
    awaitState(WatchState.ERROR);
    assertThat(states.get(states.size() - 1)).contains("stopped unexpectedly", "loop died");

    scheduler.advance(Duration.ofSeconds(1));
    awaitState(WatchState.WATCHING);
    assertThat(opened).hasSize(2);
  }

  @Test
  void forcedPollingReportsChangesAndRescansOnRequest() throws Exception {
    start(WatchSettings.DEFAULTS.withForcePolling(true), null);
    assertThat(watcher.state()).isEqualTo(WatchState.POLLING);
    assertThat(opened).isEmpty();

    Path file = Files.writeString(root.resolve("c.txt"), "c");
    watcher.rescan();
    assertThat(events).containsExactly(new FileEvent(FileEvent.Kind.CREATED, file, false));

    Files.delete(file);
    scheduler.advance(Duration.ofSeconds(2));
    await()
        .atMost(WAIT)
        .until(() -> events.contains(new FileEvent(FileEvent.Kind.DELETED, file, false)));
  }

  @Test
  void rootDeletedWhilePollingIsReportedAndPolledAgainWhenBack() throws Exception {
    Path project = Files.createDirectories(root.resolve("project"));
    watcher =
        new ProjectWatcher(
            project,
            WatchFilter.NONE,
            events::add,
            (s, m) -> states.add(s + ": " + m),
            scheduler,
            WatchSettings.DEFAULTS.withForcePolling(true));
    watcher.start().get(30, TimeUnit.SECONDS);

    Files.delete(project);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              scheduler.advance(Duration.ofSeconds(1));
              assertThat(watcher.state()).isEqualTo(WatchState.WAITING_FOR_ROOT);
            });
    assertThat(states.get(states.size() - 1)).contains("does not exist");
    assertThat(states).filteredOn(s -> s.startsWith("WAITING_FOR_ROOT")).hasSize(1);

    Files.createDirectories(project);
    Path file = Files.writeString(project.resolve("back.txt"), "b");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              scheduler.advance(Duration.ofSeconds(1));
              assertThat(watcher.state()).isEqualTo(WatchState.POLLING);
            });
    assertThat(events).contains(new FileEvent(FileEvent.Kind.OVERFLOW, project, true));
    Files.writeString(file, "changed content");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              scheduler.advance(Duration.ofSeconds(2));
              assertThat(events).contains(new FileEvent(FileEvent.Kind.MODIFIED, file, false));
            });
  }

  private void answerCookies(FakeSource source) throws IOException {
    try (var files = Files.list(root)) {
      for (Path cookie : files.filter(p -> LivenessProbe.isCookie(root, p)).toList()) {
        source.listener.onEvent(
            new io.methvin.watcher.DirectoryChangeEvent(
                io.methvin.watcher.DirectoryChangeEvent.EventType.CREATE,
                false,
                cookie,
                null,
                1,
                root));
      }
    }
  }

  @Test
  void afterASilentKernelPollingReturnsToEventsByItselfOnceTheyWork() throws Exception {
    start(WatchSettings.DEFAULTS, null);
    scheduler.advance(Duration.ofSeconds(60));
    scheduler.advance(Duration.ofSeconds(5));
    awaitState(WatchState.POLLING);
    assertThat(opened).hasSize(1);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              scheduler.advance(Duration.ofSeconds(1));
              assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
            });
    assertThat(opened).hasSize(2);
    assertThat(states.get(states.size() - 1)).contains("WATCHING", "events");

    // The new kernel watch is checked like the first one, and this time it answers.
    scheduler.advance(Duration.ofSeconds(60));
    answerCookies(opened.get(1));
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
    assertThat(watcher.cookiesConfirmed()).isEqualTo(1);
  }

  @Test
  void watchLimitAtStartIsRetriedAndEventsComeBackOnceItIsRaised() throws Exception {
    start(WatchSettings.DEFAULTS, new IOException("User limit of inotify watches reached"));
    assertThat(watcher.state()).isEqualTo(WatchState.POLLING);

    scheduler.advance(WatchSettings.DEFAULTS.eventRetry());
    await().atMost(WAIT).until(() -> opened.size() == 2);
    assertThat(watcher.state()).isEqualTo(WatchState.POLLING);

    kernelFailure = null; // the limit was raised
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              scheduler.advance(Duration.ofSeconds(10));
              assertThat(watcher.state()).isEqualTo(WatchState.WATCHING);
            });
  }

  @Test
  void retryOnRequestComesBackToEventsWithoutLosingWhatChangedMeanwhile() throws Exception {
    start(WatchSettings.DEFAULTS, new IOException("User limit of inotify watches reached"));
    Path during = Files.writeString(root.resolve("during.txt"), "d");

    watcher.retryEvents();
    await().atMost(WAIT).until(() -> opened.size() == 2);
    assertThat(watcher.state()).isEqualTo(WatchState.POLLING);
    kernelFailure = null;
    watcher.retryEvents();

    awaitState(WatchState.WATCHING);
    await()
        .atMost(WAIT)
        .until(() -> events.contains(new FileEvent(FileEvent.Kind.CREATED, during, false)));
    assertThat(events).doesNotContain(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
  }

  @Test
  void configuredPollingIsNotRetried() throws Exception {
    start(WatchSettings.DEFAULTS.withForcePolling(true), null);
    watcher.retryEvents();
    scheduler.advance(Duration.ofMinutes(30));
    assertThat(watcher.state()).isEqualTo(WatchState.POLLING);
    assertThat(opened).isEmpty();
  }

  @Test
  void closeStopsEverything() throws Exception {
    start(WatchSettings.DEFAULTS, null);
    watcher.close();
    assertThat(opened.get(0).loop).isDone();
    scheduler.advance(Duration.ofMinutes(5));
    try (var files = Files.list(root)) {
      assertThat(files).isEmpty();
    }
  }
}
