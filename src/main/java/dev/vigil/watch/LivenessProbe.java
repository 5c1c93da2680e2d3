package dev.vigil.watch;

import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that kernel events still arrive: now and then creates a cookie file in the root and
 * expects to hear of it within a timeout. Cookie events are consumed here and go no further.
 */
final class LivenessProbe implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LivenessProbe.class);
  static final String COOKIE_PREFIX = ".vigil-cookie-";

  private final Path root;
  private final Scheduler scheduler;
  private final Duration interval;
  private final Duration timeout;
  private final Consumer<String> dead;
  private final String prefix;

  private long sequence;
  private int confirmed;
  private Path pending;
  private Scheduler.Cancellable next;
  private boolean closed;

  /**
   * @param dead told once, with a message for the user, when a cookie goes unheard
   */
  LivenessProbe(
      Path root, Scheduler scheduler, Duration interval, Duration timeout, Consumer<String> dead) {
    this.root = root;
    this.scheduler = scheduler;
    this.interval = interval;
    this.timeout = timeout;
    this.dead = dead;
    this.prefix = COOKIE_PREFIX + ProcessHandle.current().pid() + "-";
  }

  /** Whether the path is a liveness cookie of any vigil process. */
  static boolean isCookie(Path root, Path path) {
    Path name = path.getFileName();
    return name != null
        && name.toString().startsWith(COOKIE_PREFIX)
        && root.equals(path.getParent());
  }

  /** Schedules the first cookie one interval from now. */
  synchronized void start() {
    next = scheduler.schedule(interval, this::plant);
  }

  /** Takes the event if it is about a cookie; returns whether it did. */
  boolean offer(FileEvent event) {
    if (event.kind() == FileEvent.Kind.OVERFLOW || !isCookie(root, event.path())) {
      return false;
    }
    synchronized (this) {
      if (event.kind() == FileEvent.Kind.CREATED && event.path().equals(pending)) {
        pending = null;
        confirmed++;
        next.cancel();
        delete(event.path());
        if (!closed) {
          next = scheduler.schedule(interval, this::plant);
        }
      }
    }
    return true;
  }

  /** How many cookies were heard of in time. */
  synchronized int confirmed() {
    return confirmed;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel();
    }
    if (pending != null) {
      delete(pending);
      pending = null;
    }
  }

  private void plant() {
    String failure = null;
    synchronized (this) {
      if (closed) {
        return;
      }
      Path cookie = root.resolve(prefix + ++sequence);
      try {
        Files.createFile(cookie);
        pending = cookie;
        next = scheduler.schedule(timeout, this::expire);
      } catch (IOException e) {
        closed = true;
        failure = "cannot create the liveness cookie " + cookie + ": " + e;
      }
    }
    if (failure != null) {
      log.warn("{}", failure);
      dead.accept(failure);
    }
  }

  private void expire() {
    Path unheard;
    synchronized (this) {
      if (closed || pending == null) {
        return;
      }
      unheard = pending;
      pending = null;
      closed = true;
      delete(unheard);
    }
    String message =
        "no file event arrived within "
            + WatchSettings.human(timeout)
            + " for the liveness cookie "
            + unheard
            + "; inotify does not seem to deliver events for "
            + root;
    log.warn("{}", message);
    dead.accept(message);
  }

  private static void delete(Path cookie) {
    try {
      Files.deleteIfExists(cookie);
    } catch (IOException e) {
      log.debug("cannot delete liveness cookie {}: {}", cookie, e.toString());
    }
  }
}
