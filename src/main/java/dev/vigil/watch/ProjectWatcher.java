package dev.vigil.watch;

import dev.vigil.threads.NamedThreads;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * to them as soon as they work. Each change of mode starts a new generation; work left over from an
 * older one is dropped. State changes reach the listener in order, never under the watcher's lock.
 */
public final class ProjectWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProjectWatcher.class);

  /** Why the tree is polled: as configured or for its file system, or in place of failed events. */
  private enum Polling {
    CHOSEN,
    FALLBACK
  }

  private final Path root;
  private final WatchFilter filter;
  private final Consumer<FileEvent> events;
  private final StateAnnouncer announcer;
  private final Scheduler scheduler;
  private final WatchSettings settings;
  private final KernelEvents kernel;
  private final ExecutorService executor;
  private final EventRetry retry;
  private final WatchBackends backends = new WatchBackends();

  private boolean started;
  private boolean closed;
  private long generation;

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
    this(root, filter, events, states, scheduler, settings, EventSources.chosen());
  }

  ProjectWatcher(
      Path root,
      WatchFilter filter,
      Consumer<FileEvent> events,
      WatchStateListener states,
      Scheduler scheduler,
      WatchSettings settings,
      EventSource.Factory sources) {
    this.root = root.toAbsolutePath().normalize();
    this.filter =
        (path, dir) -> LivenessProbe.isCookie(this.root, path) || filter.ignored(path, dir);
    this.events = events;
    this.announcer = new StateAnnouncer(states);
    this.scheduler = scheduler;
    this.settings = settings;
    Path name = this.root.getFileName();
    this.executor = NamedThreads.cachedPool("vigil-watch-" + (name == null ? "root" : name));
    this.kernel = new KernelEvents(this.root, this.filter, sources, executor);
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
      announcer.record(WatchState.STARTING, "registering watches under " + root);
    }
    announcer.deliver();
    return CompletableFuture.runAsync(() -> arm(0), executor);
  }

  /** The current state. */
  public WatchState state() {
    return announcer.state();
  }

  /**
   * Whether the kernel event source is still reporting the contents of a directory that appeared;
   * lock-free, for a batcher that holds its batch open meanwhile.
   */
  public boolean walking() {
    EventSource current = backends.source;
    return current != null && current.walking();
  }

  /**
   * While polling, scans the tree now and reports the differences since the previous scan. Does
   * nothing while kernel events are used.
   */
  public void rescan() {
    PollingScanner current;
    synchronized (this) {
      current = backends.scanner;
    }
    if (current != null) {
      current.scanNow();
    }
  }

  /**
   * Tries kernel events again now if the project fell back to polling, and looks at the root (see
   * {@link #checkRoot}); does nothing else (polling as configured, say).
   */
  public void retryEvents() {
    long gen;
    boolean fallback;
    synchronized (this) {
      if (closed || !started) {
        return;
      }
      gen = generation;
      fallback = backends.fallback;
    }
    if (fallback) {
      executeQuietly(() -> tryEvents(gen));
    } else {
      rootMayHaveChanged(gen);
    }
  }

  /**
   * Looks at the root now: one that is gone is waited for, one that is back (or was replaced by a
   * new directory) is watched again, with a rescan. For a caller that found the root missing before
   * the watcher did.
   */
  public void checkRoot() {
    long gen;
    synchronized (this) {
      if (closed || !started) {
        return;
      }
      gen = generation;
    }
    rootMayHaveChanged(gen);
  }

  /** How many liveness cookies were confirmed so far. */
  synchronized int cookiesConfirmed() {
    return backends.probe == null ? 0 : backends.probe.confirmed();
  }

  @Override
  public void close() {
    Runnable stop;
    synchronized (this) {
      closed = true;
      stop = backends.detach();
      retry.cancel();
    }
    stop.run();
    executor.shutdownNow();
  }

  /** Arms for the first time: no rescan, the caller takes its own baseline. */
  private void arm(long expected) {
    chooseMode(expected);
  }

  /** Arms again after the root came back or watching stopped: a rescan covers the time between. */
  private void rearm(long expected) {
    if (chooseMode(expected)) {
      emit(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    }
  }

  /** Watches by events, polls, or waits for the root; returns whether it watches or polls. */
  private boolean chooseMode(long expected) {
    long gen = transition(expected);
    if (gen < 0) {
      return false;
    }
    Object identity = WatchBackends.identity(root);
    if (identity == null) {
      waitForRoot(gen);
      return false;
    }
    String every = " " + settings.pollEvery();
    if (settings.forcePolling()) {
      return poll(gen, "polling " + root + every + " as configured", Polling.CHOSEN);
    }
    MountKind mount = MountKind.of(root);
    if (!mount.deliversEvents()) {
      String why = " file system, which does not report changes made elsewhere; polling";
      return poll(gen, root + " is on a " + mount.type() + why + every, Polling.CHOSEN);
    }
    KernelEvents.Opened opened;
    try {
      opened = kernel.open(new AtomicLong(gen), this::offerCookie, this::emit, this::failed);
    } catch (IOException | RuntimeException e) {
      return registrationFailed(gen, e);
    }
    boolean stale;
    synchronized (this) {
      stale = closed || gen != generation;
      if (!stale) {
        install(
            opened.source(),
            gen,
            identity,
            "watching " + root + " by " + opened.source().backend());
      }
    }
    if (stale) {
      opened.source().close();
      return false;
    }
    announcer.deliver();
    whenLoopEnds(opened.loop(), gen);
    rootMayHaveChanged(gen); // gone or replaced while the watches were registered
    return true;
  }

  /**
   * Under the lock: the source becomes the watch, checked by a liveness probe of its own, with a
   * watch above the root to hear at once if it goes.
   */
  private void install(EventSource opened, long gen, Object identity, String message) {
    backends.source = opened;
    backends.rootIdentity = identity;
    backends.probe =
        new LivenessProbe(
            root,
            scheduler,
            settings.livenessInterval(),
            settings.livenessTimeout(),
            m -> eventsLost(gen, m));
    backends.probe.start();
    backends.rootWatch = watchAbove(gen);
    announcer.record(WatchState.WATCHING, message);
  }

  private void whenLoopEnds(CompletableFuture<Void> loop, long gen) {
    CompletableFuture<?> unused = loop.whenComplete((ok, error) -> loopEnded(gen, error));
  }

  /** While polling after a fallback: registers kernel events again, and hands over if they work. */
  private void tryEvents(long gen) {
    PollingScanner handover;
    synchronized (this) {
      if (closed || gen != generation || !backends.fallback) {
        return;
      }
      handover = backends.scanner;
    }
    Object identity = WatchBackends.identity(root);
    if (identity == null) {
      return; // the scanner notices and waits for the root
    }
    AtomicLong owner = new AtomicLong(-1);
    KernelEvents.Opened opened;
    try {
      opened = kernel.open(owner, this::offerCookie, this::emit, this::failed);
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        if (!closed && gen == generation) {
          Duration next = retry.schedule(() -> executeQuietly(() -> tryEvents(gen)));
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
    List<Runnable> stops = new ArrayList<>();
    synchronized (this) {
      next = -1;
      if (!closed && gen == generation) {
        backends.scanner = null; // handed over below, not closed
        next = advance(gen, stops);
        owner.set(next);
        String message =
            "kernel events work again: watching " + root + " by " + opened.source().backend();
        install(opened.source(), next, identity, message);
      }
    }
    stops.forEach(Runnable::run);
    if (next < 0) {
      opened.source().close();
      return;
    }
    announcer.deliver();
    log.info("kernel events work again for {}; polling stops", root);
    if (handover != null) {
      handover.handOver();
    }
    whenLoopEnds(opened.loop(), next);
  }

  private boolean registrationFailed(long gen, Throwable e) {
    String every = "Polling " + settings.pollEvery() + " instead.";
    if (!Files.isDirectory(root)) {
      waitForRoot(gen);
      return false;
    }
    if (WatchLimitMessage.isLimit(e)) {
      String message = WatchLimitMessage.describe(root, e, every);
      log.warn("{}", message);
      return poll(gen, message, Polling.FALLBACK);
    }
    log.error("cannot watch {}", root, e);
    return poll(gen, "cannot watch " + root + ": " + e + ". " + every, Polling.FALLBACK);
  }

  /** Polls in place of kernel events that stopped working, with a rescan for what they missed. */
  private void fallBack(long gen, String reason) {
    if (poll(gen, reason, Polling.FALLBACK)) {
      emit(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
    }
  }

  /** Starts polling; returns whether it did (false if the root is gone or the caller stale). */
  private boolean poll(long expected, String reason, Polling why) {
    long gen = transition(expected);
    if (gen < 0) {
      return false;
    }
    PollingScanner s =
        new PollingScanner(
            root,
            filter,
            this::emit,
            () -> executeQuietly(() -> waitForRoot(gen)),
            scheduler,
            settings.pollInterval(),
            executor);
    try {
      s.start();
    } catch (IOException e) {
      s.close();
      waitForRoot(gen);
      return false;
    }
    boolean stale;
    synchronized (this) {
      stale = closed || gen != generation;
      if (!stale) {
        install(s, gen, why, reason);
      }
    }
    if (stale) {
      s.close();
      return false;
    }
    announcer.deliver();
    log.info("{}", reason);
    return true;
  }

  /** Makes the scanner this generation's backend; under the lock. */
  private void install(PollingScanner s, long gen, Polling why, String reason) {
    backends.scanner = s;
    backends.fallback = why == Polling.FALLBACK;
    if (backends.fallback) {
      retry.schedule(() -> executeQuietly(() -> tryEvents(gen)));
    }
    announcer.record(WatchState.POLLING, reason);
  }

  /**
   * Stops watching a root that is gone and waits for it: by events on the nearest directory above
   * it where events work, else by looking every {@link WatchSettings#rootRecheck()}.
   */
  private void waitForRoot(long expected) {
    long gen = transition(expected);
    if (gen < 0) {
      return;
    }
    String message =
        "project root "
            + root
            + " does not exist (deleted or moved?); nothing runs until it is back";
    Path above = root.getParent() == null ? root : root.getParent();
    boolean byEvents = !settings.forcePolling() && MountKind.of(above).deliversEvents();
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
      backends.rootWatch = byEvents ? watchAbove(gen) : null;
      if (backends.rootWatch == null || Files.isSymbolicLink(root)) {
        scheduleRootCheck(gen); // events above a dangling link say nothing of its target
      }
      announcer.record(WatchState.WAITING_FOR_ROOT, message + "; waiting for it to come back");
    }
    announcer.deliver();
    log.debug("{}", message);
    rootMayHaveChanged(gen); // back already
  }

  /** Under the lock: the watch above the root for this generation, or null where there is none. */
  private RootWatch watchAbove(long gen) {
    try {
      return RootWatch.open(
          root, () -> rootMayHaveChanged(gen), e -> aboveFailed(gen, e), executor);
    } catch (IOException | RuntimeException e) {
      log.info("cannot watch the directory above {}: {}", root, e.toString());
      return null;
    }
  }

  private void aboveFailed(long gen, IOException e) {
    synchronized (this) {
      if (!closed && gen == generation && announcer.state() == WatchState.WAITING_FOR_ROOT) {
        log.info("lost the watch above {} ({}); looking for it on a timer", root, e.toString());
        scheduleRootCheck(gen);
      }
    }
  }

  /** Decides what a root that may have gone, come back or been replaced means for the watch. */
  private void rootMayHaveChanged(long gen) {
    WatchState now;
    Object watched;
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
      now = announcer.state();
      watched = backends.rootIdentity;
    }
    Object present = WatchBackends.identity(root);
    if (present == null) {
      if (now != WatchState.WAITING_FOR_ROOT) {
        executeQuietly(() -> waitForRoot(gen));
      }
    } else if (now == WatchState.WAITING_FOR_ROOT || now == WatchState.ERROR) {
      log.debug("{} is back; watching it again", root);
      executeQuietly(() -> rearm(gen));
    } else if (watched != null && !watched.equals(present)) {
      log.info("{} was replaced by a new directory; watching that one", root);
      executeQuietly(() -> rearm(gen));
    }
  }

  /** Under the lock: looks for the root after {@link WatchSettings#rootRecheck()}. */
  private void scheduleRootCheck(long gen) {
    if (backends.rootCheck != null) {
      backends.rootCheck.cancel();
    }
    backends.rootCheck = scheduler.schedule(settings.rootRecheck(), () -> lookForRoot(gen));
  }

  private void lookForRoot(long gen) {
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
      if (!Files.isDirectory(root)) {
        scheduleRootCheck(gen);
        return;
      }
    }
    log.debug("{} is back; watching it again", root);
    executeQuietly(() -> rearm(gen));
  }

  private void loopEnded(long gen, Throwable error) {
    Object watched;
    synchronized (this) {
      if (closed || gen != generation) {
        return;
      }
      watched = backends.rootIdentity;
    }
    Object present = WatchBackends.identity(root);
    if (present == null) {
      waitForRoot(gen);
    } else if (!present.equals(watched)) {
      rearm(gen); // the watched directory was deleted and another made in its place
    } else {
      String why = error == null ? "the event loop ended" : error.toString();
      log.error("watching {} stopped unexpectedly", root, error);
      String message = "watching " + root + " stopped unexpectedly (" + why + "); retrying";
      long next = transition(gen);
      synchronized (this) {
        if (closed || next != generation) {
          return;
        }
        announcer.record(WatchState.ERROR, message);
        scheduleRootCheck(next);
      }
      announcer.deliver();
    }
  }

  /** Backend errors go to the generation that owns the source that raised them. */
  private void failed(long gen, Exception e) {
    if (WatchLimitMessage.isLimit(e)) {
      String message =
          WatchLimitMessage.describe(root, e, "Polling " + settings.pollEvery() + " instead.");
      log.warn("{}", message);
      executeQuietly(() -> fallBack(gen, message));
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
      if (backends.probe != null && gen == generation && backends.probe.confirmed() > 0) {
        retry.reset(); // events did work for a while: try them again soon
      }
    }
    executeQuietly(
        () -> {
          if (!Files.isDirectory(root)) {
            waitForRoot(gen);
          } else {
            fallBack(gen, message + "; polling " + settings.pollEvery() + " instead");
          }
        });
  }

  private boolean offerCookie(FileEvent event) {
    LivenessProbe current;
    synchronized (this) {
      current = backends.probe;
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

  /**
   * Ends whatever runs and starts a new generation; -1 if closed or the caller is stale. What runs
   * is ended after letting go of the lock.
   */
  private long transition(long expected) {
    List<Runnable> stops = new ArrayList<>();
    long next;
    synchronized (this) {
      next = advance(expected, stops);
    }
    stops.forEach(Runnable::run);
    return next;
  }

  /**
   * Starts a new generation under the lock, adding to {@code stops} what ends the old one's
   * backends, for the caller to run after letting go; -1 if closed or the caller is stale.
   */
  private long advance(long expected, List<Runnable> stops) {
    if (closed || expected != generation) {
      return -1;
    }
    long next = ++generation;
    stops.add(backends.detach());
    retry.cancel();
    return next;
  }

  private void executeQuietly(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("watcher for {} is closed; dropping a task", root);
    }
  }
}
