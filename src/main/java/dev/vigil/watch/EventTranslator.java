package dev.vigil.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns directory-watcher's events into {@link FileEvent}s: drops ignored paths, hands liveness
 * cookies to their probe, turns the exception the backend raises for an overflow into an overflow,
 * and reports its other exceptions instead of losing them.
 */
final class EventTranslator implements DirectoryChangeListener {
  private static final Logger log = LoggerFactory.getLogger(EventTranslator.class);

  private final Path root;
  private final WatchFilter filter;
  private final Predicate<FileEvent> cookies;
  private final Consumer<FileEvent> events;
  private final Consumer<Exception> failures;

  /**
   * @param cookies offered every event first; returns true if it consumed it
   * @param failures told about every exception the backend raises while watching
   */
  EventTranslator(
      Path root,
      WatchFilter filter,
      Predicate<FileEvent> cookies,
      Consumer<FileEvent> events,
      Consumer<Exception> failures) {
    this.root = root;
    this.filter = filter;
    this.cookies = cookies;
    this.events = events;
    this.failures = failures;
  }

  @Override
  public void onEvent(DirectoryChangeEvent event) {
    translate(event, root).ifPresent(this::deliver);
  }

  /** Passes one event on: to its liveness probe if it is a cookie, else unless ignored. */
  void deliver(FileEvent e) {
    if (cookies.test(e) || ignored(e)) {
      return;
    }
    try {
      events.accept(e);
    } catch (RuntimeException listenerFailure) {
      log.error("the event listener failed on {}", e, listenerFailure);
    }
  }

  /** Reports a backend error that is not an overflow. */
  void fail(Exception e) {
    failures.accept(e);
  }

  @Override
  public void onException(Exception e) {
    if (isOverflow(e)) {
      log.debug("the kernel dropped events under {}; rescanning", root);
      deliver(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
      return;
    }
    failures.accept(e);
  }

  /**
   * Whether the backend's exception is how it passed on an overflow of the kernel's event queue:
   * directory-watcher 0.19 looks an event's path up in a sorted map before calling the listener,
   * and an overflow has no path, so the lookup throws and the overflow arrives here, as a {@link
   * NullPointerException} from {@code DirectoryWatcher.onEvent} with only JDK frames above it,
   * never as an event.
   */
  static boolean isOverflow(Exception e) {
    if (!(e instanceof NullPointerException)) {
      return false;
    }
    for (StackTraceElement frame : e.getStackTrace()) {
      if (!frame.getClassName().startsWith("java.")) {
        return frame.getClassName().equals(DirectoryWatcher.class.getName())
            && frame.getMethodName().equals("onEvent");
      }
    }
    return false;
  }

  /** The vigil event for a backend event; empty for one that carries no path to report. */
  static Optional<FileEvent> translate(DirectoryChangeEvent event, Path root) {
    if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
      return Optional.of(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    }
    Path path = event.path();
    if (path == null) {
      log.warn("dropping a {} event without a path under {}", event.eventType(), root);
      return Optional.empty();
    }
    FileEvent.Kind kind =
        switch (event.eventType()) {
          case CREATE -> FileEvent.Kind.CREATED;
          case MODIFY -> FileEvent.Kind.MODIFIED;
          case DELETE -> FileEvent.Kind.DELETED;
          case OVERFLOW -> FileEvent.Kind.OVERFLOW;
        };
    return Optional.of(new FileEvent(kind, path, event.isDirectory()));
  }

  private boolean ignored(FileEvent e) {
    if (e.kind() == FileEvent.Kind.OVERFLOW) {
      return false;
    }
    if (filter.ignored(e.path(), e.directory())) {
      return true;
    }
    // A deleted directory the backend never walked (an ignored one) is reported as a file.
    return e.kind() == FileEvent.Kind.DELETED && !e.directory() && filter.ignored(e.path(), true);
  }
}
