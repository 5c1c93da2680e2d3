package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeEvent.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {
  private final Path root = Path.of("/work/project");
  private final List<FileEvent> events = new ArrayList<>();
  private final List<Exception> failures = new ArrayList<>();
  private final List<FileEvent> cookies = new ArrayList<>();

  private EventTranslator translator(WatchFilter filter) {
    return new EventTranslator(
        root,
        filter,
        e -> LivenessProbe.isCookie(root, e.path()) && cookies.add(e),
        events::add,
        failures::add);
  }

  private static DirectoryChangeEvent event(EventType type, Path path, boolean dir) {
    return new DirectoryChangeEvent(type, dir, path, null, 1, Path.of("/work/project"));
  }

  @Test
  void translatesEachKind() {
    EventTranslator t = translator(WatchFilter.NONE);
    Path file = root.resolve("src/lib.rs");
    t.onEvent(event(EventType.CREATE, file, false));
    t.onEvent(event(EventType.MODIFY, file, false));
    t.onEvent(event(EventType.DELETE, root.resolve("src"), true));

    assertThat(events)
        .containsExactly(
            new FileEvent(FileEvent.Kind.CREATED, file, false),
            new FileEvent(FileEvent.Kind.MODIFIED, file, false),
            new FileEvent(FileEvent.Kind.DELETED, root.resolve("src"), true));
  }

  @Test
  void overflowWithoutPathBecomesOverflowOfTheRoot() {
    translator(WatchFilter.NONE).onEvent(event(EventType.OVERFLOW, null, false));
    assertThat(events).containsExactly(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
  }

  @Test
  void ignoredPathsAreDroppedAndTheFilterSeesTheKind() {
    List<String> asked = new ArrayList<>();
    EventTranslator t =
        translator(
            (path, isDir) -> {
              asked.add(root.relativize(path) + (isDir ? "/" : ""));
              return isDir && path.getFileName().toString().equals("target");
            });
    t.onEvent(event(EventType.CREATE, root.resolve("target"), true));
    t.onEvent(event(EventType.DELETE, root.resolve("target"), false));
    t.onEvent(event(EventType.CREATE, root.resolve("main.rs"), false));

    assertThat(events)
        .containsExactly(new FileEvent(FileEvent.Kind.CREATED, root.resolve("main.rs"), false));
    assertThat(asked).contains("target/", "target", "main.rs");
  }

  @Test
  void cookiesGoToTheProbeOnly() {
    Path cookie = root.resolve(".vigil-cookie-12-3");
    translator(WatchFilter.NONE).onEvent(event(EventType.CREATE, cookie, false));
    assertThat(events).isEmpty();
    assertThat(cookies).containsExactly(new FileEvent(FileEvent.Kind.CREATED, cookie, false));
  }

  @Test
  void backendExceptionsAreReported() {
    IOException boom = new IOException("User limit of inotify watches reached");
    translator(WatchFilter.NONE).onException(boom);
    assertThat(failures).containsExactly(boom);
  }

  /** An exception with the given frames, innermost first: class#method. */
  private static NullPointerException thrownAt(String... frames) {
    NullPointerException e = new NullPointerException();
    StackTraceElement[] trace = new StackTraceElement[frames.length];
    for (int i = 0; i < frames.length; i++) {
      String[] parts = frames[i].split("#");
      trace[i] = new StackTraceElement(parts[0], parts[1], null, -1);
    }
    e.setStackTrace(trace);
    return e;
  }

  @Test
  void theBackendsExceptionForAnOverflowIsAnOverflowOfTheRoot() {
    NullPointerException overflow =
        thrownAt(
            "java.util.concurrent.ConcurrentSkipListMap#doGet",
            "java.util.concurrent.ConcurrentSkipListMap#get",
            "io.methvin.watcher.DirectoryWatcher#onEvent",
            "io.methvin.watcher.DirectoryWatcher#runEventLoop");

    translator(WatchFilter.NONE).onException(overflow);

    assertThat(events).containsExactly(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    assertThat(failures).isEmpty();
  }

  @Test
  void aNullPointerExceptionFromOurOwnCodeIsAFailureNotAnOverflow() {
    NullPointerException bug =
        thrownAt(
            "java.util.Objects#requireNonNull",
            "dev.vigil.watch.EventTranslator#onEvent",
            "io.methvin.watcher.DirectoryWatcher#onEvent");

    translator(WatchFilter.NONE).onException(bug);

    assertThat(events).isEmpty();
    assertThat(failures).containsExactly(bug);
  }

  @Test
  void aFailingListenerDoesNotStopLaterEvents() {
    List<FileEvent> seen = new ArrayList<>();
    EventTranslator t =
        new EventTranslator(
            root,
            WatchFilter.NONE,
            e -> false,
            e -> {
              seen.add(e);
              throw new IllegalStateException("listener bug");
            },
            failures::add);
    t.onEvent(event(EventType.CREATE, root.resolve("a"), false));
    t.onEvent(event(EventType.CREATE, root.resolve("b"), false));
    assertThat(seen).hasSize(2);
  }
}
