package dev.vigil.watch;

import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that kernel events still arrive: now and then creates a cookie file in the root and
 * expects to hear of it within a timeout. Cookie events are consumed here and go no further. Each
 * probe names its cookies with the process id and a token of its own, so that projects sharing a
 * root (and probes of one project in turn) never plant the same name or answer for each other. Only
 * a cookie that was planted and went unheard condemns the events: a cookie that cannot be created
 * in a root that is there is tried again next time.
 */
final class LivenessProbe implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LivenessProbe.class);
  static final String COOKIE_PREFIX = ".vigil-cookie-";
  private static final int NAMES_PER_PLANT = 3;

  private final Path root;
  private final Scheduler scheduler;
  private final Duration interval;
  private final Duration timeout;
  private final Consumer<String> dead;
  private final Supplier<String> names;

  private int confirmed;
  private boolean plantFailureSaid;
  private Path pending;
  private Scheduler.Cancellable next;
  private boolean closed;

  /**
   * @param dead told once, with a message for the user, when a cookie goes unheard
   */
  LivenessProbe(
      Path root, Scheduler scheduler, Duration interval, Duration timeout, Consumer<String> dead) {
    this(root, scheduler, interval, timeout, dead, uniqueNames());
  }

  /**
   * @param names the part of each cookie's name after {@link #COOKIE_PREFIX}, a new one each call
   */
  LivenessProbe(
      Path root,
      Scheduler scheduler,
      Duration interval,
      Duration timeout,
      Consumer<String> dead,
      Supplier<String> names) {
    this.root = root;
    this.scheduler = scheduler;
    this.interval = interval;
    this.timeout = timeout;
    this.dead = dead;
    this.names = names;
  }

  /** {@code PID-TOKEN-N}: the process, a random token for this probe, a sequence number. */
  private static Supplier<String> uniqueNames() {
    String stem =
        ProcessHandle.current().pid()
            + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
            + "-";
    long[] sequence = {0};
    return () -> stem + ++sequence[0];
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
      IOException last = null;
      for (int i = 0; i < NAMES_PER_PLANT && pending == null; i++) {
        Path cookie = root.resolve(COOKIE_PREFIX + names.get());
        try {
          Files.createFile(cookie);
          pending = cookie;
        } catch (FileAlreadyExistsException e) {
          last = e;
        } catch (IOException e) {
          last = e;
          break;
        }
      }
      if (pending != null) {
        next = scheduler.schedule(timeout, this::expire);
      } else if (!Files.isDirectory(root)) {
        closed = true;
        failure = "cannot create the liveness cookie in " + root + ": " + last;
      } else {
        // Not evidence that events are lost (a read-only or full file system, say): try later.
        if (!plantFailureSaid) {
          plantFailureSaid = true;
          log.warn(
              "cannot create a liveness cookie in {} ({}); will try again",
              root,
              String.valueOf(last));
        }
        next = scheduler.schedule(interval, this::plant);
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
