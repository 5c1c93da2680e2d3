package dev.vigil.watch;

import dev.vigil.threads.NamedThreads;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one project root: kernel events through directory-watcher where they work, periodic scans
 * where they do not, and a missing root waited for until it comes back. A project that fell back to
 * polling (no events heard, the inotify limit) tries kernel events again now and then, and returns
 * to them as soon as they work.
 */
public final class ProjectWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProjectWatcher.class);

  private final Path root;
  private final WatchFilter filter;
  private final Consumer<FileEvent> events;
  private final WatchStateListener states;
  private final Scheduler scheduler;
  private final WatchSettings settings;
  private final EventSource.Factory sources;
  private final ExecutorService executor;
  private final EventRetry retry;

  private boolean started;
  private boolean fallback;
  private boolean closed;
  private long generation;
  private WatchState state = WatchState.STARTING;
  private EventSource source;
  private PollingScanner scanner;
  private LivenessProbe probe;
  private Scheduler.Cancellable rootCheck;

  /** A watcher with the default settings; nothing happens until {@link #start()}. */
  public ProjectWatcher(
      Path root,
      WatchFilter filter,
      Consumer<FileEvent> events,
      WatchStateListener states,
      Scheduler scheduler) {
    this(root, filter, events, states, scheduler, WatchSettings.DEFAULTS);
  }

  /** A watcher; nothing happens until {@link #start()}. */
  public ProjectWatcher(
      Path root,
      WatchFilter filter,
      Consumer<FileEvent> events,
      WatchStateListener states,
      Scheduler scheduler,
      WatchSettings settings) {
    this(root, filter, events, states, scheduler, settings, DirectoryWatcherSource::open);
  }

  ProjectWatcher(
      Path root,
      WatchFilter filter,
      Consumer<FileEvent> events,
      WatchStateListener states,
      Scheduler scheduler,
      WatchSettings settings,
      EventSource.Factory sources) {
    this.sources = sources;
    this.root = root.toAbsolutePath().normalize();
    this.filter =
        (path, dir) -> LivenessProbe.isCookie(this.root, path) || filter.ignored(path, dir);
    this.events = events;
    this.states = states;
    this.scheduler = scheduler;
    this.settings = settings;
    Path name = this.root.getFileName();
    this.executor = NamedThreads.cachedPool("vigil-watch-" + (name == null ? "root" : name));
    this.retry = new EventRetry(scheduler, settings.eventRetry(), WatchSettings.MAX_EVENT_RETRY);
  }

  /**
   * Registers every watch (or takes the first polling snapshot). The future completes once that is
   * done: a change made after it completes is reported. The state listener tells which mode won.
   */
  public CompletableFuture<Void> start() {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("watcher for " + root + " already started");
      }
      started = true;
      announce(WatchState.STARTING, "registering watches under " + root);
    }
    return CompletableFuture.runAsync(() -> arm(0, false), executor);
  }

  /** The current state. */
  public synchronized WatchState state() {
    return state;
  }

  /**
   * While polling, scans the tree now and reports the differences since the previous scan. Does
   * nothing while kernel events are used.
   */
  public void rescan() {
    PollingScanner current;
    synchronized (this) {
      current = scanner;
    }
    if (current != null) {
      current.scanNow();
    }
  }

  /**
   * Tries kernel events again now if the project fell back to polling, or looks for a missing root
   * now; does nothing otherwise (polling as configured, say).
   */
  public void retryEvents() {
    long gen;
    boolean waitingForRoot;
    synchronized (this) {
      waitingForRoot = rootCheck != null;
      if (closed || !started || !(fallback || waitingForRoot)) {
        return;
      }
      gen = generation;
    }
    executeQuietly(waitingForRoot ? () -> checkRoot(gen) : () -> tryEvents(gen));
  }

  /** How many liveness cookies were confirmed so far. */
  synchronized int cookiesConfirmed() {
    return probe == null ? 0 : probe.confirmed();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      stopBackends();
    }
    executor.shutdownNow();
  }

  private void arm(long expected, boolean rearm) {
    long gen = transition(expected);
    if (gen < 0) {
      return;
    }
    if (!Files.isDirectory(root)) {
      rootMissing(gen);
      return;
    }
    String every = " " + settings.pollEvery();
    if (settings.forcePolling()) {
      poll(gen, "polling " + root + every + " as configured", rearm, false);
      return;
    }
    MountKind mount = MountKind.of(root);
    if (!mount.deliversEvents()) {
      poll(
          gen,
          root
              + " is on a "
              + mount.type()
              + " file system, which does not report changes made"
              + " elsewhere; polling"
              + every,
          rearm,
          false);
      return;
    }
    Opened opened;
    try {
      opened = open(new AtomicLong(gen));
    } catch (IOException | RuntimeException e) {
      registrationFailed(gen, e, rearm);
      return;
    }
    synchronized (this) {
      if (closed || gen != generation) {
        opened.source().close();
        return;
      }
      install(opened.source(), gen, "watching " + root);
    }
    whenLoopEnds(opened.loop(), gen);
    if (rearm) {
      emit(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    }
  }

  private record Opened(EventSource source, CompletableFuture<Void> loop) {}

  /** Opens kernel events and registers every watch; backend errors go to {@code owner}'s turn. */
  private Opened open(AtomicLong owner) throws IOException {
    EventSource source =
        sources.open(
            root,
            filter,
            new EventTranslator(
                root, filter, this::offerCookie, this::emit, e -> failed(owner.get(), e)));
    try {
      return new Opened(source, source.start(executor));
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /** Under the lock: the source becomes the watch, checked by a liveness probe of its own. */
  private void install(EventSource opened, long gen, String message) {
    source = opened;
    probe =
        new LivenessProbe(
            root,
            scheduler,
            settings.livenessInterval(),
            settings.livenessTimeout(),
            m -> eventsLost(gen, m));
    probe.start();
    announce(WatchState.WATCHING, message);
  }

  private void whenLoopEnds(CompletableFuture<Void> loop, long gen) {
    CompletableFuture<?> unused = loop.whenComplete((ok, error) -> loopEnded(gen, error));
  }

  /** While polling after a fallback: registers kernel events again, and hands over if they work. */
  private void tryEvents(long gen) {
    PollingScanner handover;
    synchronized (this) {
      if (closed || gen != generation || !fallback) {
        return;
      }
      handover = scanner;
    }
    if (!Files.isDirectory(root)) {
      return; // the scanner notices and waits for the root
    }
    AtomicLong owner = new AtomicLong(-1);
    Opened opened;
    try {
      opened = open(owner);
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        if (!closed && gen == generation) {
          Duration next = scheduleRetry(gen);
          log.info(
              "kernel events for {} are still unavailable ({}); polling on, next try in {}",
              root,
              e.toString(),
              WatchSettings.human(next));
        }
      }
      return;
    }
    long next;
    synchronized (this) {
      if (closed || gen != generation) {
        opened.source().close();
        return;
      }
      scanner = null; // handed over below, not closed
      next = transition(gen);
      owner.set(next);
      install(opened.source(), next, "kernel events work again: watching " + root + " by events");
    }
    log.info("kernel events work again for {}; polling stops", root);
    if (handover != null) {
      handover.handOver();
    }
    whenLoopEnds(opened.loop(), next);
  }

  /** Under the lock. */
  private Duration scheduleRetry(long gen) {
    return retry.schedule(() -> executeQuietly(() -> tryEvents(gen)));
  }

  private void registrationFailed(long gen, Throwable e, boolean lostEvents) {
    String every = "Polling " + settings.pollEvery() + " instead.";
    if (!Files.isDirectory(root)) {
      rootMissing(gen);
    } else if (WatchLimitMessage.isLimit(e)) {
      String message = WatchLimitMessage.describe(root, e, every);
      log.warn("{}", message);
      poll(gen, message, lostEvents, true);
    } else {
      log.error("cannot watch {}", root, e);
      poll(gen, "cannot watch " + root + ": " + e + ". " + every, lostEvents, true);
    }
  }

  /**
   * @param fallback whether events failed (they are tried again now and then), rather than polling
   *     being chosen
   */
  private void poll(long expected, String reason, boolean lostEvents, boolean fallback) {
    long gen = transition(expected);
    if (gen < 0) {
      return;
    }
    PollingScanner s =
        new PollingScanner(
            root,
            filter,
            this::emit,
            () -> executeQuietly(() -> rootMissing(gen)),
            scheduler,
            settings.pollInterval(),
            executor);
    try {
      synchronized (this) {
        if (closed || gen != generation) {
          return;
        }
        scanner = s;
        s.start();
        this.fallback = fallback;
        if (fallback) {
          scheduleRetry(gen);
        }
        announce(WatchState.POLLING, reason);
      }
    } catch (IOException e) {
      s.close();
      rootMissing(gen);
      return;
    }
    log.info("{}", reason);
    if (lostEvents) {
      emit(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    }
  }

  private void rootMissing(long expected) {
    suspend(
        expected,
        "project root " + root + " does not exist (deleted or moved?); waiting for it to reappear");
  }

  /** Stops watching, reports the error, and re-arms once the root is a directory again. */
  private void suspend(long expected, String message) {
    long gen = transition(expected);
    if (gen < 0) {
      return;
    }
    log.warn("{}", message);
    synchronized (this) {
      announce(WatchState.ERROR, message);
      rootCheck = scheduler.schedule(settings.rootRecheck(), () -> checkRoot(gen));
    }
  }

  private void checkRoot(long gen) {
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
      if (!Files.isDirectory(root)) {
        if (rootCheck != null) {
          rootCheck.cancel();
        }
        rootCheck = scheduler.schedule(settings.rootRecheck(), () -> checkRoot(gen));
        return;
      }
    }
    log.info("{} is back; watching it again", root);
    executeQuietly(() -> arm(gen, true));
  }

  private void loopEnded(long gen, Throwable error) {
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
    }
    if (!Files.isDirectory(root)) {
      rootMissing(gen);
    } else {
      String why = error == null ? "the event loop ended" : error.toString();
      log.error("watching {} stopped unexpectedly", root, error);
      suspend(gen, "watching " + root + " stopped unexpectedly (" + why + "); retrying");
    }
  }

  private void failed(long gen, Exception e) {
    if (WatchLimitMessage.isLimit(e)) {
      String message =
          WatchLimitMessage.describe(root, e, "Polling " + settings.pollEvery() + " instead.");
      log.warn("{}", message);
      executeQuietly(() -> poll(gen, message, true, true));
      return;
    }
    // The event loop goes on after an error in the backend's event handling: events may have
    // been lost, so ask for a rescan, and say so, but the project keeps watching rather than
    // showing an error forever. (An overflow is not an error: it arrives as an OVERFLOW event.)
    log.warn("error while watching {} ({}); rescanning", root, e.toString());
    log.debug("watch error detail", e);
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
    }
    emit(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
  }

  private void eventsLost(long gen, String message) {
    synchronized (this) {
      if (probe != null && gen == generation && probe.confirmed() > 0) {
        retry.reset(); // events did work for a while: try them again soon
      }
    }
    executeQuietly(
        () -> {
          if (!Files.isDirectory(root)) {
            rootMissing(gen);
          } else {
            poll(gen, message + "; polling " + settings.pollEvery() + " instead", true, true);
          }
        });
  }

  private boolean offerCookie(FileEvent event) {
    LivenessProbe current;
    synchronized (this) {
      current = probe;
    }
    if (current != null) {
      return current.offer(event);
    }
    return event.kind() != FileEvent.Kind.OVERFLOW && LivenessProbe.isCookie(root, event.path());
  }

  private void emit(FileEvent event) {
    try {
      events.accept(event);
    } catch (RuntimeException e) {
      log.error("the event listener failed on {}", event, e);
    }
  }

  /** Closes whatever runs and starts a new generation; -1 if closed or the caller is stale. */
  private synchronized long transition(long expected) {
    if (closed || expected != generation) {
      return -1;
    }
    long next = ++generation;
    stopBackends();
    return next;
  }

  private void stopBackends() {
    if (source != null) {
      source.close();
      source = null;
    }
    if (scanner != null) {
      scanner.close();
      scanner = null;
    }
    if (probe != null) {
      probe.close();
      probe = null;
    }
    if (rootCheck != null) {
      rootCheck.cancel();
      rootCheck = null;
    }
    retry.cancel();
    fallback = false;
  }

  private void announce(WatchState newState, String message) {
    state = newState;
    try {
      states.stateChanged(newState, message);
    } catch (RuntimeException e) {
      log.error("the state listener failed on {}", newState, e);
    }
  }

  private void executeQuietly(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("watcher for {} is closed; dropping a task", root);
    }
  }
}
