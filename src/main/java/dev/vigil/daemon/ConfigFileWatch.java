package dev.vigil.daemon;

import dev.vigil.config.ConfigSources;
import dev.vigil.config.IncludeGlob;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the config's sources by looking at them every half second: the config file and every file
 * it includes (content compared, so a touch is no change), and the directories its include globs
 * look in (a new time there means the globs are expanded again, and only a different set of matches
 * is a change). Cheap, and it works for every way editors save (in place, rename over, delete and
 * recreate) and for files outside the watched trees. What it saw when it reported a change becomes
 * its new baseline, so a config that stays broken is reported once.
 */
final class ConfigFileWatch {
  static final Duration INTERVAL = Duration.ofMillis(500);

  private final Scheduler scheduler;
  private final Runnable onChange;
  private final Map<Path, String> stamps = new HashMap<>();
  private ConfigSources sources;
  private Map<Path, String> seen;
  private Map<Path, Long> dirs;
  private List<Path> matches;
  private volatile boolean cancelled;

  private ConfigFileWatch(ConfigSources sources, Scheduler scheduler, Runnable onChange) {
    this.scheduler = scheduler;
    this.onChange = onChange;
    update(sources);
  }

  static ConfigFileWatch start(ConfigSources sources, Scheduler scheduler, Runnable onChange) {
    ConfigFileWatch watch = new ConfigFileWatch(sources, scheduler, onChange);
    watch.schedule();
    return watch;
  }

  /** Watches these sources from now on, as read by the load that produced them. */
  synchronized void update(ConfigSources next) {
    sources = next;
    seen = new HashMap<>(next.contents());
    dirs = new HashMap<>(next.dirs());
    matches = next.globMatches();
  }

  void cancel() {
    cancelled = true;
  }

  private void schedule() {
    if (!cancelled) {
      scheduler.schedule(INTERVAL, this::check);
    }
  }

  private void check() {
    try {
      if (changed()) {
        onChange.run();
      }
    } finally {
      schedule();
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
      // nanoseconds: formatting an Instant twice a second cost more than the stat itself
      return a.size()
          + "@"
          + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
          + (a.isDirectory() ? "/" : "");
    } catch (IOException e) {
      return "none";
    }
  }
}
