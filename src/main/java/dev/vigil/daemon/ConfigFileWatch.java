package dev.vigil.daemon;

import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Watches the config file itself by looking at it every half second: cheap, and it works for every
 * way editors save (in place, rename over, delete and recreate) and for a file outside the watched
 * trees.
 */
final class ConfigFileWatch {
  static final Duration INTERVAL = Duration.ofMillis(500);

  private final Path file;
  private final Scheduler scheduler;
  private final Runnable onChange;
  private byte[] last;
  private long lastSize = -1;
  private long lastModified = -1;
  private volatile boolean cancelled;

  private ConfigFileWatch(Path file, Scheduler scheduler, Runnable onChange) {
    this.file = file;
    this.scheduler = scheduler;
    this.onChange = onChange;
    this.last = read();
  }

  static ConfigFileWatch start(Path file, Scheduler scheduler, Runnable onChange) {
    ConfigFileWatch watch = new ConfigFileWatch(file, scheduler, onChange);
    watch.schedule();
    return watch;
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
      if (sameStamp()) {
        return;
      }
      byte[] now = read();
      if (!Arrays.equals(now, last)) {
        last = now;
        onChange.run();
      }
    } finally {
      schedule();
    }
  }

  /** Size and time unchanged: not worth reading. */
  private boolean sameStamp() {
    long size;
    long modified;
    try {
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      size = -2;
      modified = -2;
    }
    boolean same = size == lastSize && modified == lastModified;
    lastSize = size;
    lastModified = modified;
    return same;
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
