package dev.vigil.daemon;

import dev.vigil.config.ConfigSources;
import dev.vigil.config.IncludeGlob;
import dev.vigil.time.Scheduler;
import dev.vigil.watch.FolderEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config's sources: the config file and every file it includes (content compared, so a
 * touch is no change), and the directories its include globs look in (a new time there means the
 * globs are expanded again, and only a different set of matches is a change). It looks when kernel
 * events say one of them changed ({@link FolderEvents}: the folders alone, not their trees, so
 * files outside the watched trees count too), {@link #SETTLE} after the first event so that a
 * save's several events are one look; where events cannot be had (not Linux, a folder missing), it
 * looks every {@link #INTERVAL} until they can. Either way it works for every way editors save (in
 * place, rename over, delete and recreate). What it saw when it reported a change becomes its new
 * baseline, so a config that stays broken is reported once.
 */
final class ConfigFileWatch {
  /** How often the sources are looked at while no kernel events can be had for them. */
  static final Duration INTERVAL = Duration.ofMillis(500);

  /** How long after the first event of a save the sources are looked at. */
  static final Duration SETTLE = Duration.ofMillis(50);

  private static final Logger log = LoggerFactory.getLogger(ConfigFileWatch.class);

  private final Scheduler scheduler;
  private final Runnable onChange;
  private final Map<Path, String> stamps = new HashMap<>();
  private Optional<FolderEvents> events = Optional.empty();
  private ConfigSources sources;
  private Map<Path, String> seen;
  private Map<Path, Long> dirs;
  private List<Path> matches;
  private boolean byEvents; // guarded by this, as the fields above
  private boolean lookPending;
  private boolean pollPending;
  private volatile boolean cancelled;

  private ConfigFileWatch(ConfigSources sources, Scheduler scheduler, Runnable onChange) {
    this.scheduler = scheduler;
    this.onChange = onChange;
    take(sources);
  }

  /**
   * Watches the sources by events where {@code events} gives them, else by looking now and then.
   */
  static ConfigFileWatch start(
      ConfigSources sources, Scheduler scheduler, Runnable onChange, FolderEvents.Opener events) {
    ConfigFileWatch watch = new ConfigFileWatch(sources, scheduler, onChange);
    Optional<FolderEvents> opened = events.open(watch::heard);
    synchronized (watch) {
      watch.events = opened;
      watch.arm();
    }
    return watch;
  }

  /** Watches these sources from now on, as read by the load that produced them. */
  synchronized void update(ConfigSources next) {
    take(next);
    arm();
  }

  /** Whether the sources are watched by kernel events now (else they are polled). */
  synchronized boolean byEvents() {
    return byEvents;
  }

  void cancel() {
    cancelled = true;
    Optional<FolderEvents> opened;
    synchronized (this) {
      opened = events;
    }
    opened.ifPresent(FolderEvents::close);
  }

  private void take(ConfigSources next) {
    sources = next;
    seen = new HashMap<>(next.contents());
    dirs = new HashMap<>(next.dirs());
    matches = next.globMatches();
  }

  /**
   * Registers the events for the current sources; where that fails, the sources are polled until it
   * works. Called holding this watch's lock.
   */
  private void arm() {
    boolean was = byEvents;
    byEvents = events.isPresent() && events.get().watch(watchedFiles(), dirs.keySet());
    if (was != byEvents) {
      log.debug("config files watched by {}", byEvents ? "events" : "polling");
    }
    if (!byEvents && !pollPending && !cancelled) {
      try {
        Scheduler.Cancellable unused = scheduler.schedule(INTERVAL, this::poll);
        pollPending = true;
      } catch (RuntimeException closing) {
        // the daemon is stopping
      }
    }
  }

  /** The source files, and the file a symbolic link among them points to: an edit goes there. */
  private Set<Path> watchedFiles() {
    Set<Path> files = new HashSet<>();
    for (Path file : seen.keySet()) {
      Path absolute = file.toAbsolutePath().normalize();
      files.add(absolute);
      if (Files.isSymbolicLink(absolute)) {
        try {
          files.add(absolute.toRealPath());
        } catch (IOException e) {
          // a dangling link: its own name is watched
        }
      }
    }
    return files;
  }

  /** An event came: look once the save settled, unless a look is due already. */
  private synchronized void heard() {
    if (!lookPending && !cancelled) {
      try {
        Scheduler.Cancellable unused = scheduler.schedule(SETTLE, this::lookAfterEvent);
        lookPending = true;
      } catch (RuntimeException closing) {
        // the daemon is stopping: nothing to look for any more
      }
    }
  }

  private void lookAfterEvent() {
    synchronized (this) {
      lookPending = false;
    }
    look();
  }

  private void poll() {
    synchronized (this) {
      pollPending = false;
    }
    look();
  }

  /** Arms the events again (a folder may be back), then compares, then tells of a change. */
  private void look() {
    if (cancelled) {
      return;
    }
    boolean changed;
    synchronized (this) {
      arm();
      Set<Path> before = Set.copyOf(dirs.keySet());
      changed = changed();
      if (!before.equals(dirs.keySet())) {
        arm(); // the globs look in other folders now
      }
    }
    if (changed) {
      onChange.run();
    }
  }

  private synchronized boolean changed() {
    boolean changed = false;
    for (Map.Entry<Path, String> file : seen.entrySet()) {
      String stamp = stamp(file.getKey());
      if (stamp.equals(stamps.put(file.getKey(), stamp))) {
        continue;
      }
      String now = ConfigSources.fingerprint(file.getKey());
      if (!now.equals(file.getValue())) {
        file.setValue(now);
        changed = true;
      }
    }
    boolean dirMoved =
        dirs.entrySet().stream().anyMatch(d -> ConfigSources.stamp(d.getKey()) != d.getValue());
    if (dirMoved) {
      IncludeGlob.Expansion now = sources.expandGlobs();
      dirs = new HashMap<>(now.dirs());
      if (!now.matches().equals(matches)) {
        matches = now.matches();
        changed = true;
      }
    }
    return changed;
  }

  /** Size and time, to skip reading a file that did not change; a marker when there is none. */
  private static String stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size()
          + "@"
          + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
          + (a.isDirectory() ? "/" : "");
    } catch (IOException e) {
      return "none";
    }
  }
}
